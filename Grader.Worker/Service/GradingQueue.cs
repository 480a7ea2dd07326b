using Microsoft.Extensions.Options;
using Quartz;

namespace Grader.Worker.Service;

/// <summary>
/// Queues grading as durable Quartz jobs in the SQLite job store. Submission ids queued close
/// together are coalesced into one job (at most <see cref="MaxBatch"/> ids), so the job store
/// is written once per burst rather than once per submission.
/// </summary>
public sealed class GradingQueue(ISchedulerFactory schedulerFactory, IOptions<GraderOptions> options, ILogger<GradingQueue> logger)
    : BatchingService<long>(MaxBatch)
{
    /// <summary>The most submissions one grading job covers.</summary>
    public const int MaxBatch = 256;

    /// <inheritdoc />
    protected override TimeSpan Linger => options.Value.QueueLinger;

    /// <summary>Queues submissions for grading (their current generation).</summary>
    public void Enqueue(IEnumerable<long> submissionIds)
    {
        foreach (var id in submissionIds)
        {
            TryAdd(id);
        }
    }

    /// <summary>Stores one durable job for a batch of submissions.</summary>
    public async Task ScheduleAsync(IReadOnlyList<long> batch, CancellationToken ct = default)
    {
        var scheduler = await schedulerFactory.GetScheduler(ct);
        var key = new JobKey($"grade-{batch[0]}-{batch[^1]}-{Guid.NewGuid():N}", "grading");
        var job = JobBuilder.Create<GradeSubmissionsJob>()
            .WithIdentity(key)
            .UsingJobData(GradeSubmissionsJob.IdsKey, string.Join(",", batch))
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create().WithIdentity(key.Name, "grading").StartNow().Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }

    /// <inheritdoc />
    protected override async Task ProcessAsync(IReadOnlyList<long> batch)
    {
        try
        {
            await ScheduleAsync(batch, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The submissions stay accepted in the database and are queued again at the next start.
            logger.LogError(ex, "Queuing {Count} submissions failed", batch.Count);
        }
    }
}
