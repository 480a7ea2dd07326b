using System.Collections.Concurrent;
using Grader.Domain.Reports;
using Grader.Worker.Course;
using Grader.Worker.Settings;
using Grader.Worker.Access;
using Grader.Worker.Students;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Reports;

/// <summary>
/// An assignment's statistics (histogram, per-question means, common wrong answers) over its
/// counted reports, kept per assignment with the standings revision they were computed at. A
/// small class is recomputed at once when its standings move on; a large one (more than
/// <see cref="InlineLimit"/> counted students) is served its last statistics while one
/// recomputation runs in the background, off the request path.
/// </summary>
public sealed class StatisticsCache(StandingStore standings, ClassRecords records, AssignmentCatalog catalog, StudentDirectory students, IOptions<GradebookOptions> gradebook,
    ILogger<StatisticsCache> logger)
{
    /// <summary>The most counted students whose statistics are recomputed within the request.</summary>
    public const int InlineLimit = 200;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<Entry>> computing = new(StringComparer.Ordinal);
    /// <summary>One background computation of a page's derived figures at a time (statistics or answer groups), so they do not pile up in memory.</summary>
    internal static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>
    /// The statistics of an assignment: the cached ones when its standings have not moved since;
    /// else, for a class of at most <see cref="InlineLimit"/> counted students, the recomputation's
    /// (one per assignment at a time, and one assignment at a time, however many TAs ask at once);
    /// else, for a larger class, never a recomputation within the request: its last statistics (or
    /// none, the first time) marked pending while one recomputation runs in the background.
    /// </summary>
    public async Task<CachedStatistics> ForAsync(string assignmentId, CancellationToken ct = default)
    {
        await standings.EnsureAsync(ct);
        var totals = await standings.RevisionAsync(assignmentId, ct);
        var revision = totals?.Revision ?? -1;
        var classList = (await students.ListAsync(ct)).Count;
        if (entries.TryGetValue(assignmentId, out var entry) && entry.Revision == revision && entry.ClassList == classList)
        {
            return new CachedStatistics(entry.Statistics);
        }

        var task = computing.GetOrAdd(assignmentId, id => Task.Run(async () =>
        {
            try
            {
                return await ComputeAsync(id, CancellationToken.None);
            }
            finally
            {
                computing.TryRemove(id, out _);
            }
        }, CancellationToken.None));
        if ((totals?.Students ?? 0) > InlineLimit)
        {
            _ = task.ContinueWith(t => logger.LogError(t.Exception, "Recomputing the statistics of {Assignment} failed", assignmentId), CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return entry is not null ? new CachedStatistics(entry.Statistics, Pending: true) : new CachedStatistics(ClassStatistics.Of([]), Pending: true, Computed: false);
        }

        return new CachedStatistics((await task.WaitAsync(ct)).Statistics);
    }

    private async Task<Entry> ComputeAsync(string assignmentId, CancellationToken ct)
    {
        await OneAtATime.WaitAsync(ct);
        try
        {
            // The revision is read first: a change while computing leaves the entry stale, to be computed again.
            var revision = (await standings.RevisionAsync(assignmentId, ct))?.Revision ?? -1;
            var classList = (await students.ListAsync(ct)).Count;
            var book = await Gradebooks.BuildAsync(assignmentId, records, catalog, students, gradebook.Value, ct, standings);
            var entry = new Entry(revision, classList, ClassStatistics.Of([.. book.Students.Select(r => r.Report)]));
            entries[assignmentId] = entry;
            return entry;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private sealed record Entry(long Revision, int ClassList, ClassStatistics Statistics);
}
