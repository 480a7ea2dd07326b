using Grader.Worker.Settings;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Grading;

/// <summary>
/// Queues grading as Hangfire jobs. Submission ids queued close together are coalesced into one
/// job (at most <see cref="MaxBatch"/> ids), so the job storage is written once per burst rather
/// than once per submission. Under load (the last job gathered <see cref="LoadedRate"/> submissions
/// a second or more over its wait) the queue gathers for <see cref="GraderOptions.LingerUnderLoad"/>
/// (80 ms with PostgreSQL) instead of <see cref="GraderOptions.QueueLinger"/>: each job costs
/// Hangfire's and the database's round trips whatever it holds, and under load a submission's wait
/// is the backlog's, not the linger's. The rule is a rate, not a job's size, so that it holds
/// for each of several nodes sharing the load (each sees a fraction of it) and so that a longer
/// wait, which gathers more, does not by itself keep the queue under load.
/// The queue itself need not be durable: every submission is committed before it is queued, and
/// the start-up scan queues again whatever has no grade.
/// </summary>
public sealed class GradingQueue(IBackgroundJobClient jobs, IOptions<GraderOptions> options, ILogger<GradingQueue> logger, TimeProvider? time = null)
    : BatchingService<long>(MaxBatch)
{
    /// <summary>The most submissions one grading job covers.</summary>
    public const int MaxBatch = 256;

    /// <summary>Submissions a second, gathered by the last job over its wait, that mean grading is under load (12 in a wait of 20 ms, 48 in 80 ms).</summary>
    public const double LoadedRate = 600;

    private double lastRate;

    /// <inheritdoc />
    protected override TimeSpan Linger => lastRate >= LoadedRate ? options.Value.LingerUnderLoad : options.Value.QueueLinger;

    /// <inheritdoc />
    protected override TimeProvider Time => time ?? TimeProvider.System;

    /// <summary>Queues submissions for grading (their current generation) after the linger.</summary>
    public void Enqueue(IEnumerable<long> submissionIds)
    {
        foreach (var id in submissionIds)
        {
            TryAdd(id);
        }
    }

    /// <summary>Creates one grading job for a batch of submissions at once.</summary>
    public void Schedule(IReadOnlyList<long> batch)
    {
        var ids = batch.ToArray();
        jobs.Enqueue<GradeSubmissionsJob>(job => job.GradeAsync(ids));
    }

    /// <inheritdoc />
    protected override Task ProcessAsync(IReadOnlyList<long> batch)
    {
        // The wait this batch was gathered over, then the rate the next wait is chosen by (both on the loop's own flow).
        var waited = Linger;
        lastRate = batch.Count / Math.Max(waited.TotalSeconds, 0.001);
        try
        {
            Schedule(batch);
        }
        catch (Exception ex)
        {
            // The submissions stay accepted in the database and are queued again at the next start.
            logger.LogError(ex, "Queuing {Count} submissions from {FirstSubmissionId} failed", batch.Count, batch[0]);
        }

        return Task.CompletedTask;
    }
}
