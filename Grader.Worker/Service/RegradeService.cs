using Grader.Data;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Service;

/// <summary>
/// Grades every submission of an assignment again against its current version (the file is read
/// again first). Earlier grades are kept as history; the new ones become current as they land.
/// </summary>
public sealed class RegradeService(IDbContextFactory<GraderDbContext> dbFactory, AssignmentCatalog catalog, GradingQueue queue)
{
    /// <summary>The number of submissions queued, or null when the assignment is unknown.</summary>
    public async Task<int?> RegradeAsync(string assignmentId, CancellationToken ct = default)
    {
        await catalog.ReloadAsync(ct);
        if (catalog.CurrentVersion(assignmentId) is not { } version)
        {
            return null;
        }

        List<long> queued;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var submissions = await db.Submissions
                .Where(s => s.AssignmentId == assignmentId && s.Status != SubmissionStatus.Rejected)
                .ToListAsync(ct);
            foreach (var s in submissions)
            {
                s.Generation++;
                s.AssignmentVersionId = version;
                s.Status = SubmissionStatus.Accepted;
                s.Reason = null;
            }

            await db.SaveChangesAsync(ct);
            queued = [.. submissions.Select(s => s.Id)];
        }

        foreach (var chunk in queued.Chunk(GradingQueue.MaxBatch))
        {
            await queue.ScheduleAsync(chunk, ct);
        }

        return queued.Count;
    }
}
