using Hangfire;
using Hangfire.States;
using Hangfire.Storage;

namespace Grader.Worker.Grading;

/// <summary>
/// A recurring Hangfire job on PostgreSQL (setting <c>OrphanSweep</c>, a cron expression). First,
/// the jobs left in the own queue (<see cref="NodeQueue"/>) of a node that stopped or died (no
/// live Hangfire server takes from it: none has beaten within <see cref="NodeQueue.DeadAfter"/>)
/// are moved to the shared queue. Then, a node that dies may leave submissions committed but not
/// yet queued (they wait in its queue's linger for up to <c>QueueLinger</c>); the other nodes
/// would otherwise grade them only when some node starts. When the whole cluster's queue is idle
/// (nothing enqueued, scheduled for retry or processing but this job), every submission without a
/// grade for its generation is an orphan and is queued again.
/// </summary>
public sealed class RequeueOrphansJob(UngradedSubmissions ungraded, GradingQueue queue, JobStorage storage, IBackgroundJobClient jobs, ILogger<RequeueOrphansJob> logger)
{
    /// <summary>The recurring job's id.</summary>
    public const string Id = "requeue-orphans";

    /// <summary>Moves dead nodes' queues to the shared one, then queues the orphans, if the queue is idle.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync()
    {
        var monitor = storage.GetMonitoringApi();
        TakeOverDeadNodesQueues(monitor);
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

    private void TakeOverDeadNodesQueues(IMonitoringApi monitor)
    {
        var now = DateTime.UtcNow;
        var served = monitor.Servers()
            .Where(s => NodeQueue.IsAlive(s, now))
            .SelectMany(s => s.Queues)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var dead in monitor.Queues().Where(q => NodeQueue.IsNodeQueue(q.Name) && !served.Contains(q.Name) && (q.Length > 0 || q.Fetched > 0)))
        {
            var moved = Move(dead.Name);
            if (moved > 0)
            {
                logger.LogWarning("Moved {Count} grading jobs from the queue {Queue} of a node that stopped or died to the shared queue", moved, dead.Name);
            }
        }
    }

    /// <summary>
    /// Takes every job that can be fetched from a queue (not fetched, or fetched longer ago than
    /// Hangfire's invisibility timeout) and queues it again in the shared queue.
    /// </summary>
    private int Move(string from)
    {
        using var connection = storage.GetConnection();
        var moved = 0;
        while (true)
        {
            IFetchedJob fetched;
            using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
            {
                try
                {
                    fetched = connection.FetchNextJob([from], wait.Token);
                }
                catch (OperationCanceledException)
                {
                    return moved; // nothing more to fetch
                }
            }

            using (fetched)
            {
                jobs.ChangeState(fetched.JobId, new EnqueuedState(NodeQueue.Shared) { Reason = $"its node's queue {from} has no live server" });
                fetched.RemoveFromQueue();
                moved++;
            }
        }
    }
}
