using System.Collections.Concurrent;

namespace Grader.Worker.Reports;

/// <summary>What every <see cref="PerAssignmentCache{T}"/> shares.</summary>
internal static class PerAssignmentCache
{
    /// <summary>One background computation of a page's derived figures at a time (statistics or answer groups), so they do not pile up in memory.</summary>
    public static readonly SemaphoreSlim OneAtATime = new(1, 1);
}

/// <summary>
/// A figure derived from an assignment's grades (its statistics, its answer groups), kept per
/// assignment with the stamp it was computed at (the standings' revision and whatever else it
/// depends on). When the stamp has moved, a class of at most <see cref="StatisticsCache.InlineLimit"/>
/// counted students waits for the recomputation; a larger one is served its last value (or none,
/// the first time) marked pending while the recomputation runs in the background, never within the
/// request. One recomputation per assignment at a time, and one over all assignments.
/// </summary>
/// <param name="what">What is computed, for the log (for example "statistics").</param>
/// <param name="logger">Where a failed background computation is logged.</param>
internal sealed class PerAssignmentCache<T>(string what, ILogger logger)
    where T : class
{
    private readonly ConcurrentDictionary<string, (string Stamp, T Value)> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<T>> computing = new(StringComparer.Ordinal);

    /// <summary>
    /// The assignment's value at <paramref name="stamp"/>, and whether it is pending (an older one, or
    /// null when none was computed yet). <paramref name="compute"/> reads its own stamp first, then the
    /// value, so a change while it runs leaves the entry stale, to be computed again.
    /// </summary>
    public Task<(T? Value, bool Pending)> GetAsync(
        string assignmentId, string stamp, int students, Func<string, CancellationToken, Task<(string Stamp, T Value)>> compute, CancellationToken ct) =>
        GetAsync(assignmentId, stamp, students, compute, ct, retried: false);

    private async Task<(T? Value, bool Pending)> GetAsync(
        string assignmentId, string stamp, int students, Func<string, CancellationToken, Task<(string Stamp, T Value)>> compute, CancellationToken ct, bool retried)
    {
        var cached = entries.TryGetValue(assignmentId, out var entry);
        if (cached && entry.Stamp == stamp)
        {
            return (entry.Value, false);
        }

        // The computation is recorded as running before it starts, and takes back only its own record
        // when it ends: started first, a quick one could end (and take back nothing) before it was
        // recorded, and stay recorded for ever, every later stamp served its value.
        var started = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = computing.GetOrAdd(assignmentId, started.Task);
        if (task == started.Task)
        {
            // The record is taken back before the value is handed on, so that whoever gets the value
            // and asks again at once finds nothing running.
            _ = Task.Run(async () =>
            {
                (string Stamp, T Value) computed;
                try
                {
                    await PerAssignmentCache.OneAtATime.WaitAsync(CancellationToken.None);
                    try
                    {
                        computed = await compute(assignmentId, CancellationToken.None);
                        entries[assignmentId] = computed;
                    }
                    finally
                    {
                        PerAssignmentCache.OneAtATime.Release();
                    }
                }
                catch (Exception ex)
                {
                    computing.TryRemove(KeyValuePair.Create(assignmentId, started.Task));
                    started.SetException(ex);
                    return;
                }

                computing.TryRemove(KeyValuePair.Create(assignmentId, started.Task));
                started.SetResult(computed.Value);
            }, CancellationToken.None);
        }
        if (students > StatisticsCache.InlineLimit)
        {
            _ = task.ContinueWith(t => logger.LogError(t.Exception, "Computing the {What} of {Assignment} failed", what, assignmentId), CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return (cached ? entry.Value : null, true);
        }

        // A computation already running when this stamp was read may have read the figures before the
        // change this request is to show (a TA's page after their own group score): once, wait for the next.
        var value = await task.WaitAsync(ct);
        return !retried && task != started.Task && entries.TryGetValue(assignmentId, out var after) && after.Stamp != stamp
            ? await GetAsync(assignmentId, stamp, students, compute, ct, retried: true)
            : (value, false);
    }
}
