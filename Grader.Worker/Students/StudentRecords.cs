using Grader.Data;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Students;

/// <summary>A student's own submissions, newest first (submissions are stored under the class list's spelling of the id).</summary>
public sealed class StudentRecords(IDbContextFactory<GraderDbContext> dbFactory)
{
    /// <summary>The student's submissions, of one assignment or (null) of all.</summary>
    public async Task<List<StudentSubmission>> SubmissionsAsync(string studentId, string? assignmentId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Submissions.AsNoTracking().Where(s => s.Student == studentId && s.AssignmentId != null);
        if (assignmentId is not null)
        {
            query = query.Where(s => s.AssignmentId == assignmentId);
        }

        return await query
            .OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id)
            .Select(s => new StudentSubmission(
                s.Id, s.AssignmentId!, s.Status, s.Reason, s.ReceivedAt,
                s.Grades.Where(g => g.IsCurrent).Select(g => (double?)g.Score).FirstOrDefault(),
                s.Grades.Where(g => g.IsCurrent).Select(g => (double?)g.MaxScore).FirstOrDefault(),
                s.ReceiptToken))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The answers typed on the page for one of the student's own submissions (its stored answer
    /// file, when it came from the page's form), so the page shows them again after Submit; else null.
    /// </summary>
    public async Task<AnswerForm?> TypedAsync(string studentId, long submissionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var content = await db.Submissions.AsNoTracking()
            .Where(s => s.Id == submissionId && s.Student == studentId && s.Source == "web" && s.FileName == AnswerForm.FileName)
            .Select(s => s.Content).FirstOrDefaultAsync(ct);
        return content is null ? null : AnswerForm.FromAnswerFile(content);
    }
}
