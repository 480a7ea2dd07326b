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
    public async Task<(T? Value, bool Pending)> GetAsync(
        string assignmentId, string stamp, int students, Func<string, CancellationToken, Task<(string Stamp, T Value)>> compute, CancellationToken ct)
    {
        var cached = entries.TryGetValue(assignmentId, out var entry);
        if (cached && entry.Stamp == stamp)
        {
            return (entry.Value, false);
        }

        var task = computing.GetOrAdd(assignmentId, id => Task.Run(async () =>
        {
            try
            {
                await PerAssignmentCache.OneAtATime.WaitAsync(CancellationToken.None);
                try
                {
                    var computed = await compute(id, CancellationToken.None);
                    entries[id] = computed;
                    return computed.Value;
                }
                finally
                {
                    PerAssignmentCache.OneAtATime.Release();
                }
            }
            finally
            {
                computing.TryRemove(id, out _);
            }
        }, CancellationToken.None));
        if (students > StatisticsCache.InlineLimit)
        {
            _ = task.ContinueWith(t => logger.LogError(t.Exception, "Computing the {What} of {Assignment} failed", what, assignmentId), CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return (cached ? entry.Value : null, true);
        }

        return (await task.WaitAsync(ct), false);
    }
}
