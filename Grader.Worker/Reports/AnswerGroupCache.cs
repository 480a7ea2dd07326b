using Grader.Data;
using Grader.Worker.Grading;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Reports;

/// <summary>
/// The assignment page's answer groups (<see cref="AnswerGroupService.ListAsync"/>, which reads and
/// parses every current report of the assignment), kept per assignment with the standings' revision
/// (moved by every grade batch, override and regrade) and its answer-group rules (their number and
/// how many are undone). A class of at most <see cref="StatisticsCache.InlineLimit"/> counted
/// students is listed again within the request when they move; a larger one is served its last list
/// (or none, the first time), marked pending, while one listing runs in the background.
/// </summary>
public sealed class AnswerGroupCache(StandingStore standings, AnswerGroupService answerGroups, IDbContextFactory<GraderDbContext> dbFactory, ILogger<AnswerGroupCache> logger)
{
    private readonly PerAssignmentCache<IReadOnlyList<AnswerGroupView>> cache = new("answer groups", logger);

    /// <summary>The assignment's answer groups, and whether they are pending (not those of the current grades).</summary>
    public async Task<(IReadOnlyList<AnswerGroupView> Groups, bool Pending)> ForAsync(string assignmentId, CancellationToken ct = default)
    {
        var (stamp, students) = await KeyAsync(assignmentId, ct);
        var (groups, pending) = await cache.GetAsync(assignmentId, stamp, students, ComputeAsync, ct);
        return (groups ?? [], pending);
    }

    private async Task<(string Stamp, int Students)> KeyAsync(string assignmentId, CancellationToken ct)
    {
        await standings.EnsureAsync(ct);
        var totals = await standings.RevisionAsync(assignmentId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await db.AnswerGroupRules.Where(r => r.AssignmentId == assignmentId)
            .GroupBy(r => 1).Select(g => new { Count = g.Count(), Undone = g.Count(r => r.UndoneAt != null) }).FirstOrDefaultAsync(ct);
        return ($"{totals?.Revision ?? -1}/{rules?.Count ?? 0}/{rules?.Undone ?? 0}", totals?.Students ?? 0);
    }

    private async Task<(string Stamp, IReadOnlyList<AnswerGroupView> Value)> ComputeAsync(string assignmentId, CancellationToken ct)
    {
        var (stamp, _) = await KeyAsync(assignmentId, ct);
        return (stamp, await answerGroups.ListAsync(assignmentId, null, ct) ?? []);
    }
}
