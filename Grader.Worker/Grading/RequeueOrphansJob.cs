using Hangfire;

namespace Grader.Worker.Grading;

/// <summary>
/// A recurring Hangfire job on PostgreSQL (setting <c>OrphanSweep</c>, a cron expression). A node
/// that dies may leave submissions committed but not yet queued (they wait in its queue's linger
/// for up to <c>QueueLinger</c>); the other nodes would otherwise grade them only when some node
/// starts. When the whole cluster's queue is idle (nothing enqueued, scheduled for retry or
/// processing but this job), every submission without a grade for its generation is an orphan
/// and is queued again.
/// </summary>
public sealed class RequeueOrphansJob(UngradedSubmissions ungraded, GradingQueue queue, JobStorage storage, ILogger<RequeueOrphansJob> logger)
{
    /// <summary>The recurring job's id.</summary>
    public const string Id = "requeue-orphans";

    /// <summary>Queues the orphans, if the queue is idle.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync()
    {
        var monitor = storage.GetMonitoringApi();
        if (monitor.Queues().Sum(q => q.Length) > 0 || monitor.ScheduledCount() > 0 || monitor.ProcessingCount() > 1)
        {
            return;
        }

        var orphans = await ungraded.FindAsync();
        foreach (var chunk in orphans.Chunk(GradingQueue.MaxBatch))
        {
            queue.Schedule(chunk);
        }

        if (orphans.Count > 0)
        {
            logger.LogWarning("Queued {Count} submissions no node had queued (from {FirstSubmissionId}); a node probably died", orphans.Count, orphans[0]);
        }
    }
}
