using Grader.Data.Entities;
using Grader.Data;
using Grader.Worker.Course;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Grading;

/// <summary>
/// Grades every submission of an assignment again against its current version (the file is read
/// again first). Earlier grades are kept as history; the new ones become current as they land.
/// </summary>
public sealed class RegradeService(IDbContextFactory<GraderDbContext> dbFactory, AssignmentCatalog catalog, GradingQueue queue)
{
    /// <summary>
    /// Re-reads the folder and queues every submission of the assignment; when the assignment's
    /// file is invalid nothing is queued and the refusal (with every problem) is returned.
    /// </summary>
    public async Task<RegradeOutcome> RegradeAsync(string assignmentId, CancellationToken ct = default)
    {
        await catalog.ReloadAsync(ct);
        if (catalog.ProblemOf(assignmentId) is { } problem)
        {
            return new RegradeOutcome(null, problem);
        }

        if (catalog.CurrentVersion(assignmentId) is not { } version)
        {
            return new RegradeOutcome(null, null);
        }

        List<long> queued;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // One unconditional write, in the same transaction as the generation bump: every
            // submission moves to the next generation and back to accepted whatever its status was
            // read as, so a grading job of the old generation finishing meanwhile cannot leave it
            // marked graded at a generation that has no grade.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await StandingRows.LockForRowWritesAsync(db, ct); // after a full recompute's count of the settled submissions, as grade batches

            await db.Submissions
                .Where(s => s.AssignmentId == assignmentId && s.Status != SubmissionStatus.Rejected)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Generation, s => s.Generation + 1)
                    .SetProperty(s => s.AssignmentVersionId, version)
                    .SetProperty(s => s.Status, SubmissionStatus.Accepted)
                    .SetProperty(s => s.Reason, (string?)null), ct);
            await db.StandingsComputed.Where(m => m.AssignmentId == assignmentId).ExecuteUpdateAsync(u => u.SetProperty(m => m.Settled, 0).SetProperty(m => m.Revision, m => m.Revision + 1), ct); // none settled now; what is derived from the grades is out of date
            queued = await db.Submissions
                .Where(s => s.AssignmentId == assignmentId && s.Status != SubmissionStatus.Rejected)
                .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
            await tx.CommitAsync(ct);
        }

        foreach (var chunk in queued.Chunk(GradingQueue.MaxBatch))
        {
            queue.Schedule(chunk);
        }

        return new RegradeOutcome(queued.Count, null);
    }
}
