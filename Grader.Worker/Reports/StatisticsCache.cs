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

    private readonly PerAssignmentCache<ClassStatistics> cache = new("statistics", logger);

    /// <summary>
    /// The statistics of an assignment: the cached ones when its standings (and the class list) have
    /// not moved since; else, for a class of at most <see cref="InlineLimit"/> counted students, the
    /// recomputation's (one per assignment at a time, and one assignment at a time, however many TAs
    /// ask at once); else, for a larger class, never a recomputation within the request: its last
    /// statistics (or none, the first time) marked pending while one recomputation runs in the background.
    /// </summary>
    public async Task<CachedStatistics> ForAsync(string assignmentId, CancellationToken ct = default)
    {
        await standings.EnsureAsync(ct);
        var totals = await standings.RevisionAsync(assignmentId, ct);
        var stamp = Stamp(totals?.Revision, (await students.ListAsync(ct)).Count);
        var (statistics, pending) = await cache.GetAsync(assignmentId, stamp, totals?.Students ?? 0, ComputeAsync, ct);
        return statistics is null ? new CachedStatistics(ClassStatistics.Of([]), Pending: true, Computed: false) : new CachedStatistics(statistics, pending);
    }

    private static string Stamp(long? revision, int classList) => $"{revision ?? -1}/{classList}";

    private async Task<(string Stamp, ClassStatistics Value)> ComputeAsync(string assignmentId, CancellationToken ct)
    {
        var stamp = Stamp((await standings.RevisionAsync(assignmentId, ct))?.Revision, (await students.ListAsync(ct)).Count);
        var book = await Gradebooks.BuildAsync(assignmentId, records, catalog, students, gradebook.Value, ct, standings);
        return (stamp, ClassStatistics.Of([.. book.Students.Select(r => r.Report)], [.. book.Students.Select(r => r.Standing.Total)]));
    }
}
