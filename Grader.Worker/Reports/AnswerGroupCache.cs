using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<Entry>> computing = new(StringComparer.Ordinal);

    /// <summary>The assignment's answer groups, and whether they are pending (not those of the current grades).</summary>
    public async Task<(IReadOnlyList<AnswerGroupView> Groups, bool Pending)> ForAsync(string assignmentId, CancellationToken ct = default)
    {
        var key = await KeyAsync(assignmentId, ct);
        if (entries.TryGetValue(assignmentId, out var entry) && entry.Key == key.Stamp)
        {
            return (entry.Groups, false);
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
        if (key.Students > StatisticsCache.InlineLimit)
        {
            _ = task.ContinueWith(t => logger.LogError(t.Exception, "Listing the answer groups of {Assignment} failed", assignmentId), CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return (entry?.Groups ?? [], true);
        }

        return ((await task.WaitAsync(ct)).Groups, false);
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

    private async Task<Entry> ComputeAsync(string assignmentId, CancellationToken ct)
    {
        await StatisticsCache.OneAtATime.WaitAsync(ct);
        try
        {
            // The key is read first: a change while listing leaves the entry stale, to be listed again.
            var key = await KeyAsync(assignmentId, ct);
            var entry = new Entry(key.Stamp, await answerGroups.ListAsync(assignmentId, null, ct) ?? []);
            entries[assignmentId] = entry;
            return entry;
        }
        finally
        {
            StatisticsCache.OneAtATime.Release();
        }
    }

    private sealed record Entry(string Key, IReadOnlyList<AnswerGroupView> Groups);
}
