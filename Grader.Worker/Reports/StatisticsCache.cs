using System.Collections.Concurrent;
using Grader.Domain.Reports;
using Grader.Worker.Service;
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
    private readonly ConcurrentDictionary<string, Task> refreshing = new(StringComparer.Ordinal);

    /// <summary>The statistics of an assignment, and the revision of the standings they reflect.</summary>
    public async Task<ClassStatistics> ForAsync(string assignmentId, CancellationToken ct = default)
    {
        await standings.EnsureAsync(ct);
        var revision = await standings.RevisionAsync(assignmentId, ct) ?? -1;
        var classList = (await students.ListAsync(ct)).Count;
        if (entries.TryGetValue(assignmentId, out var entry) && entry.Revision == revision && entry.ClassList == classList)
        {
            return entry.Statistics;
        }

        if (entry is not null && entry.Students > InlineLimit)
        {
            _ = refreshing.GetOrAdd(assignmentId, id => Task.Run(async () =>
            {
                try
                {
                    await ComputeAsync(id, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Recomputing the statistics of {Assignment} failed", id);
                }
                finally
                {
                    refreshing.TryRemove(id, out _);
                }
            }, CancellationToken.None));
            return entry.Statistics;
        }

        return (await ComputeAsync(assignmentId, ct)).Statistics;
    }

    private async Task<Entry> ComputeAsync(string assignmentId, CancellationToken ct)
    {
        // The revision is read first: a change while computing leaves the entry stale, to be computed again.
        var revision = await standings.RevisionAsync(assignmentId, ct) ?? -1;
        var classList = (await students.ListAsync(ct)).Count;
        var book = await ReportEndpoints.BuildAsync(assignmentId, records, catalog, students, gradebook.Value, ct, standings);
        var entry = new Entry(revision, classList, book.Students.Count, ClassStatistics.Of([.. book.Students.Select(r => r.Report)]));
        entries[assignmentId] = entry;
        return entry;
    }

    private sealed record Entry(long Revision, int ClassList, int Students, ClassStatistics Statistics);
}
