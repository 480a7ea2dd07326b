using Grader.Data;
using Grader.Domain.Output;
using Grader.Worker.Access;
using Grader.Worker.Grading;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Reports;

/// <summary>Builds the <see cref="SubmissionView"/> of a submission for a reader: the one place a submission is read for showing.</summary>
public sealed class SubmissionViews(IDbContextFactory<GraderDbContext> dbFactory, ClassRecords records, StudentViews views, ManualGradingService manual)
{
    /// <summary>
    /// The view of submission <paramref name="id"/> for <paramref name="reader"/>, or the refusal:
    /// a missing submission is 404 for a TA and 403 for anyone else, so a receipt reveals nothing
    /// about other ids; a signed-in student (<see cref="Credentials.Student"/>) reads their own. <paramref name="withAudit"/> adds a TA's audit of overrides.
    /// </summary>
    public async Task<(SubmissionView? View, IResult? Refused)> ReadAsync(long id, Credentials reader, HttpRequest request, bool withAudit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (reader.Deny(request, id, submission?.ReceiptToken, submission?.Student) is { } denied)
        {
            return (null, denied);
        }

        var grades = await db.Grades.AsNoTracking().Where(g => g.SubmissionId == id).OrderBy(g => g.Generation)
            .Select(g => new { Entry = new GradeHistoryEntry(g.Generation, g.Score, g.MaxScore, g.GradedAt, g.AssignmentVersionId, g.IsCurrent), Json = g.IsCurrent ? g.ReportJson : null })
            .ToListAsync(ct);
        var history = grades.Select(g => g.Entry).ToList();
        var json = grades.LastOrDefault(g => g.Json is not null)?.Json;
        var graded = json is null ? null : GradeReportJsonReader.Read(json);
        var (report, withheld) = graded is null ? (null, new HashSet<string>()) : await views.ForAsync(submission!, graded, reader, ct);
        return (new SubmissionView(
            submission!,
            report,
            withheld,
            history,
            await records.VersionNoteAsync(submission!.AssignmentId, history, ct),
            withAudit && reader.IsTa ? await manual.AuditAsync(id, ct) : null) { Graded = graded }, null);
    }
}
