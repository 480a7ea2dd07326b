using Grader.Data.Entities;
using Grader.Data;
using Grader.Domain.Grading;
using Grader.Domain.Output;
using Grader.Worker.Course;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Grading;

/// <summary>
/// TAs' overrides of a question's score: each one is stored as a new audit row and applied to the
/// submission's current grade at once; the grading job applies them again to every later grade,
/// so they survive regrades.
/// </summary>
public sealed class ManualGradingService(IDbContextFactory<GraderDbContext> dbFactory, CourseRules rules, Course.IStandingUpdates standings)
{
    /// <summary>
    /// Sets the score; returns the new total, or why not: 404 for no such submission, 409 for one
    /// without a grade (rejected, grading failed, not graded yet), 400 for an unknown question or a
    /// score out of range.
    /// </summary>
    public async Task<OverrideOutcome> OverrideAsync(long submissionId, string questionId, double score, string comment, string by, CancellationToken ct)
    {
        score += 0.0; // −0 (typed as "-0") is stored and shown as 0
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var grade = await db.Grades.Where(g => g.SubmissionId == submissionId && g.IsCurrent).OrderByDescending(g => g.Generation).FirstOrDefaultAsync(ct);
        if (grade is null)
        {
            return await WhyUngradedAsync(db, submissionId, ct);
        }

        var report = GradeReportJsonReader.Read(grade.ReportJson);
        if (ManualGrading.Check(report, questionId, score) is { } error)
        {
            return OverrideOutcome.Refused(400, error);
        }

        var auto = report.Questions.First(q => q.Id == questionId) is var q && q.Override is { } o ? o.AutoScore : q.Score;
        db.ScoreOverrides.Add(new ScoreOverrideRecord
        {
            SubmissionId = submissionId, QuestionId = questionId, Score = score, AutoScore = auto, Comment = comment, By = by, At = rules.Now.UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        var updated = ManualGrading.Reapply(report, (await ForAsync(db, [submissionId], ct)).GetValueOrDefault(submissionId) ?? []);
        grade.ReportJson = GradeReportJson.Write(updated, indented: false);
        grade.Score = updated.Score;
        await db.SaveChangesAsync(ct);
        var owner = await db.Submissions.Where(s => s.Id == submissionId).Select(s => new { s.AssignmentId, s.Student }).SingleAsync(ct);
        await standings.UpdateAsync(db, [(owner.AssignmentId, owner.Student)], ct: ct);
        await tx.CommitAsync(ct);
        return new OverrideOutcome(updated.Score, 200, null) { Score = score };
    }

    /// <summary>
    /// Why a submission has no grade to override, as a refusal: 404 when there is no such
    /// submission, 409 when it was rejected (it never will be graded), grading it failed, or it
    /// is not graded yet.
    /// </summary>
    public static async Task<OverrideOutcome> WhyUngradedAsync(GraderDbContext db, long submissionId, CancellationToken ct) =>
        await db.Submissions.Where(s => s.Id == submissionId).Select(s => new { s.Status, s.Reason }).SingleOrDefaultAsync(ct) switch
        {
            null => OverrideOutcome.Refused(404, $"no submission {submissionId}"),
            { Status: SubmissionStatus.Rejected } s => OverrideOutcome.Refused(409, $"submission {submissionId} was rejected{Because(s.Reason)} and cannot be graded"),
            { Status: SubmissionStatus.Failed } s => OverrideOutcome.Refused(409, $"submission {submissionId} has no grade: grading it failed{Because(s.Reason)}"),
            _ => OverrideOutcome.Refused(409, $"submission {submissionId} has no grade yet"),
        };

    /// <summary>The reason in parentheses (escaped, at most 200 characters), or nothing.</summary>
    internal static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $" ({Hardening.LogText.Escape(reason, 200)})";

    /// <summary>
    /// Every override in force of the submissions, by submission (for the grading job): a TA's own,
    /// and those of answer groups not undone, each with its group's key.
    /// </summary>
    public static async Task<Dictionary<long, List<ScoreOverride>>> ForAsync(GraderDbContext db, IReadOnlyCollection<long> submissionIds, CancellationToken ct)
    {
        var rows = await (from o in db.ScoreOverrides.AsNoTracking()
                          where submissionIds.Contains(o.SubmissionId)
                          join r in db.AnswerGroupRules.AsNoTracking() on o.AnswerGroupRuleId equals r.Id into rules
                          from r in rules.DefaultIfEmpty()
                          where r == null || r.UndoneAt == null
                          orderby o.At, o.Id
                          select new { o, Key = r == null ? null : r.GroupKey }).ToListAsync(ct);
        return rows.GroupBy(x => x.o.SubmissionId).ToDictionary(g => g.Key, g => g.Select(x => ToDomain(x.o) with { GroupKey = x.Key }).ToList());
    }

    /// <summary>The audit trail of a submission, oldest first.</summary>
    public async Task<List<ScoreOverrideRecord>> AuditAsync(long submissionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ScoreOverrides.AsNoTracking().Where(o => o.SubmissionId == submissionId).OrderBy(o => o.At).ThenBy(o => o.Id).ToListAsync(ct);
    }

    private static ScoreOverride ToDomain(ScoreOverrideRecord o) => new(o.QuestionId, o.Score, o.AutoScore, o.Comment, o.By, o.At);
}
