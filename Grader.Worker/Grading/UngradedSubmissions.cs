using Grader.Data.Entities;
using Grader.Data;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Grading;

/// <summary>
/// Finds the submissions that still need a grade: accepted or graded (not failed or rejected),
/// with no grade for their current generation.
/// </summary>
public sealed class UngradedSubmissions(IDbContextFactory<GraderDbContext> dbFactory)
{
    /// <summary>Their ids, oldest first.</summary>
    public async Task<List<long>> FindAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Submissions.AsNoTracking()
            .Where(s => (s.Status == SubmissionStatus.Accepted || s.Status == SubmissionStatus.Graded)
                        && !db.Grades.Any(g => g.SubmissionId == s.Id && g.Generation == s.Generation))
            .OrderBy(s => s.Id)
            .Select(s => s.Id)
            .ToListAsync(ct);
    }
}
