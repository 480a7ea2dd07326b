using Grader.Worker.Settings;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Grading;

/// <summary>
/// Queues grading as Hangfire jobs. Submission ids queued close together are coalesced into one
/// job (at most <see cref="MaxBatch"/> ids), so the job storage is written once per burst rather
/// than once per submission. Under load (the last job held <see cref="LoadedBatch"/> or more) the
/// queue gathers for <see cref="GraderOptions.LingerUnderLoad"/> (80 ms with PostgreSQL) instead of
/// <see cref="GraderOptions.QueueLinger"/>: each job costs Hangfire's and the database's round
/// trips whatever it holds, and under load a submission's wait is the backlog's, not the linger's.
/// The queue itself need not be durable: every submission is committed before it is queued, and
/// the start-up scan queues again whatever has no grade. Intake's jobs go to this node's own
/// Hangfire queue (<see cref="NodeQueue"/>) until it stops, the others (<see cref="Schedule"/>) to
/// the shared one.
/// </summary>
public sealed class GradingQueue(IBackgroundJobClient jobs, IOptions<GraderOptions> options, ILogger<GradingQueue> logger, TimeProvider? time = null, NodeQueue? node = null)
    : BatchingService<long>(MaxBatch)
{
    /// <summary>The most submissions one grading job covers.</summary>
    public const int MaxBatch = 256;

    /// <summary>A job this large means grading is under load.</summary>
    public const int LoadedBatch = 32;

    private int lastBatch;

    /// <inheritdoc />
    protected override TimeSpan Linger => lastBatch >= LoadedBatch ? options.Value.LingerUnderLoad : options.Value.QueueLinger;

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

    /// <summary>Creates one grading job for a batch of submissions at once, in the queue every node takes from.</summary>
    public void Schedule(IReadOnlyList<long> batch) => ScheduleIn(batch, NodeQueue.Shared);

    private void ScheduleIn(IReadOnlyList<long> batch, string queue)
    {
        var ids = batch.ToArray();
        jobs.Create(Job.FromExpression<GradeSubmissionsJob>(job => job.GradeAsync(ids)), new EnqueuedState(queue));
    }

    /// <inheritdoc />
    protected override Task ProcessAsync(IReadOnlyList<long> batch)
    {
        lastBatch = batch.Count; // read by the same loop before its next wait
        try
        {
            // Graded here first, where intake parsed the files; what is left when the node stops goes
            // to the shared queue, which the other nodes take at once.
            ScheduleIn(batch, Stopping ? NodeQueue.Shared : node?.Name ?? NodeQueue.Shared);
        }
        catch (Exception ex)
        {
            // The submissions stay accepted in the database and are queued again at the next start.
            logger.LogError(ex, "Queuing {Count} submissions from {FirstSubmissionId} failed", batch.Count, batch[0]);
        }

        return Task.CompletedTask;
    }
}
