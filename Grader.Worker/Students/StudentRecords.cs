using Grader.Data;
using Grader.Domain.Grading;
using Grader.Worker.Course;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Students;

/// <summary>A student's own submissions, newest first (submissions are stored under the class list's spelling of the id).</summary>
public sealed class StudentRecords(IDbContextFactory<GraderDbContext> dbFactory, AssignmentCatalog catalog)
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
    /// The answers typed on the page for one of the student's own submissions of an assignment (its
    /// stored answer file, when it came from the page's form), so the page shows them again after Submit; else null.
    /// </summary>
    public async Task<AnswerForm?> TypedAsync(string studentId, string assignmentId, long submissionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var content = await db.Submissions.AsNoTracking()
            .Where(s => s.Id == submissionId && s.Student == studentId && s.AssignmentId == assignmentId && s.Source == "web" && s.FileName == AnswerForm.FileName)
            .Select(s => s.Content).FirstOrDefaultAsync(ct);
        return content is null ? null : AnswerForm.FromAnswerFile(content);
    }

    /// <summary>
    /// The warnings on one of the student's own submissions, as its report carries them (answers
    /// to unknown question ids ignored, with a did-you-mean; unknown keys; a question answered
    /// twice), read from the stored file against the assignment version it was graded against (else
    /// the current one), so the page shows them right after an upload or Submit, graded or not yet.
    /// Empty when there are none, or the submission is not the student's or cannot be read.
    /// </summary>
    public async Task<IReadOnlyList<string>> WarningsAsync(string studentId, long submissionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Submissions.AsNoTracking()
            .Where(s => s.Id == submissionId && s.Student == studentId && s.AssignmentId != null)
            .Select(s => new { s.AssignmentId, s.AssignmentVersionId, s.Content, s.FileName })
            .FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            return [];
        }

        var version = stored.AssignmentVersionId ?? catalog.CurrentVersion(stored.AssignmentId!);
        var assignment = version is { } v ? await catalog.GetVersionAsync(v, ct) : null;
        return assignment is not null && AnswerFileReader.Read(stored.Content, stored.FileName ?? "answers").File is { } file
            ? AnswerCoverage.Warnings(assignment, file)
            : [];
    }
}
