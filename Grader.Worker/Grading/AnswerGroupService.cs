using Grader.Data;
using Grader.Data.Entities;
using Grader.Domain;
using Grader.Domain.Grading;
using Grader.Domain.Output;
using Grader.Worker.Course;

using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Grading;

/// <summary>
/// Grading by answer group: the distinct wrong answers to each question of an assignment (current
/// grades), and a TA's score and comment for every submission of a group. A group's score is a
/// <see cref="ScoreOverrideRecord"/> per submission (the audit trail), tied to its
/// <see cref="AnswerGroupRule"/>; submissions that join the group later get theirs when graded
/// (<see cref="JoinAsync"/>), while the rule is not undone. It applies only while the answer is
/// still wrong and in the group (<see cref="ManualGrading.Apply"/>), and a TA's own later score of
/// a submission wins. Undoing a rule takes back every override it made, in one step.
/// </summary>
public sealed class AnswerGroupService(IDbContextFactory<GraderDbContext> dbFactory, AssignmentCatalog catalog, CourseRules rules, IStandingUpdates standings,
    ILogger<AnswerGroupService> logger)
{
    /// <summary>The wrong-answer groups of the assignment's questions (one question when given), most students first, with the rule in force of each.</summary>
    public async Task<List<AnswerGroupView>?> ListAsync(string assignmentId, string? question, CancellationToken ct)
    {
        var assignment = catalog.CurrentVersion(assignmentId) is { } v ? await catalog.GetVersionAsync(v, ct) : null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reports = await CurrentReportsAsync(db, assignmentId, null, ct);
        if (assignment is null && reports.Count == 0)
        {
            return null;
        }

        var questions = assignment?.Questions.Select(q => q.Id).ToList() ?? [.. reports.SelectMany(r => r.Report.Questions.Select(q => q.Id)).Distinct()];
        var points = assignment?.Questions.ToDictionary(q => q.Id, q => q.Points(assignment.Defaults)) ?? [];
        var inForce = await InForceAsync(db, [assignmentId], ct);
        var views = new List<AnswerGroupView>();
        foreach (var id in questions.Where(q => question is null || q == question))
        {
            var max = points.TryGetValue(id, out var p) ? p : reports.SelectMany(r => r.Report.Questions).FirstOrDefault(q => q.Id == id)?.MaxScore ?? 0;
            var groups = AnswerGroups.Of(id, reports.Select(r => (r.Id, r.Student, r.Report)));
            views.AddRange(groups.Select(g => new AnswerGroupView(id, g.Key, g.Answer, g.Students, g.Members, max, Latest(inForce, assignmentId, id, g.Key))));

            // A group whose answers have all left it (a regrade) keeps its rule, so it can still be undone.
            var listed = groups.Select(g => g.Key).ToHashSet();
            views.AddRange(inForce.Where(r => r.QuestionId == id && !listed.Contains(r.GroupKey)).GroupBy(r => r.GroupKey)
                .Select(g => g.OrderBy(r => r.At).ThenBy(r => r.Id).Last())
                .Select(r => new AnswerGroupView(id, r.GroupKey, r.Answer, 0, [], max, r)));
        }

        return views;
    }

    /// <summary>Gives every submission whose current answer to the question is in the group the score and comment.</summary>
    public async Task<AnswerGroupOutcome> SetAsync(string assignmentId, AnswerGroupRequest body, CancellationToken ct)
    {
        var assignment = catalog.CurrentVersion(assignmentId) is { } v ? await catalog.GetVersionAsync(v, ct) : null;
        if (assignment is null)
        {
            return AnswerGroupOutcome.Refused(404, $"unknown assignment '{Hardening.LogText.Escape(assignmentId, 100)}'");
        }

        var ids = assignment.Questions.Select(q => q.Id).ToList();
        if (string.IsNullOrEmpty(body.Question) || assignment.Questions.FirstOrDefault(q => q.Id == body.Question) is not { } question)
        {
            return AnswerGroupOutcome.Refused(400, string.IsNullOrEmpty(body.Question)
                ? "'question' is required"
                : $"no question '{Hardening.LogText.Escape(body.Question, 100)}' in {assignmentId}{DidYouMean.IdHint(body.Question, ids)} (questions: {string.Join(", ", ids)})");
        }

        var max = question.Points(assignment.Defaults);
        if (body.Score is not { } score || !double.IsFinite(score) || score < 0 || score > max)
        {
            return AnswerGroupOutcome.Refused(400, $"the score must be from 0 to {max}, got {(body.Score is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}");
        }

        if (OverrideRequest.Problem(new OverrideRequest(null, null, body.Comment, body.By)) is { } problem)
        {
            return AnswerGroupOutcome.Refused(400, problem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var reports = await CurrentReportsAsync(db, assignmentId, null, ct);
        var group = AnswerGroups.Of(question.Id, reports.Select(r => (r.Id, r.Student, r.Report))).FirstOrDefault(g => g.Key == body.Key);
        if (group is null)
        {
            return AnswerGroupOutcome.Refused(400, $"no current wrong answer to {question.Id} is in the group '{Hardening.LogText.Escape(body.Key ?? "", 40)}' (GET /api/assignments/{assignmentId}/answer-groups lists them)");
        }

        var rule = new AnswerGroupRule
        {
            AssignmentId = assignmentId, QuestionId = question.Id, GroupKey = group.Key, Answer = group.Answer, Score = score,
            Comment = body.Comment ?? "", By = string.IsNullOrWhiteSpace(body.By) ? "ta" : body.By.Trim(), At = rules.Now.UtcDateTime,
        };
        db.AnswerGroupRules.Add(rule);
        await db.SaveChangesAsync(ct);
        var members = reports.Where(r => group.Members.Contains(r.Id)).ToList();
        foreach (var m in members)
        {
            db.ScoreOverrides.Add(OverrideOf(rule, m.Id, m.Report.Questions.First(q => q.Id == question.Id)));
        }

        await db.SaveChangesAsync(ct);
        await ReapplyAsync(db, [.. group.Members], ct);
        await UpdateStandingsAsync(db, [.. group.Members], ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Answer group {RuleId} of {Assignment} {Question}: {By} set {Score} for {Count} submissions", rule.Id, assignmentId, question.Id, Hardening.LogText.Quote(rule.By), score, members.Count);
        return new AnswerGroupOutcome(rule, group.Members, 200, null);
    }

    /// <summary>Undoes a group's score: every override it made is taken back (the rule and its overrides stay in the audit trail, marked undone).</summary>
    public async Task<AnswerGroupOutcome> UndoAsync(string assignmentId, long ruleId, string by, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rule = await db.AnswerGroupRules.FirstOrDefaultAsync(r => r.Id == ruleId && r.AssignmentId == assignmentId, ct);
        if (rule is null)
        {
            return AnswerGroupOutcome.Refused(404, $"no answer-group score {ruleId} for assignment '{Hardening.LogText.Escape(assignmentId, 100)}'");
        }

        if (rule.UndoneAt is not null)
        {
            return AnswerGroupOutcome.Refused(409, $"answer-group score {ruleId} was already undone by {rule.UndoneBy} at {rule.UndoneAt:O}");
        }

        rule.UndoneAt = rules.Now.UtcDateTime;
        rule.UndoneBy = by;
        await db.SaveChangesAsync(ct);
        var touched = await db.ScoreOverrides.Where(o => o.AnswerGroupRuleId == ruleId).Select(o => o.SubmissionId).Distinct().ToListAsync(ct);
        await ReapplyAsync(db, touched, ct);
        await UpdateStandingsAsync(db, touched, ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Answer group {RuleId} of {Assignment} {Question} undone by {By}: {Count} submissions", rule.Id, assignmentId, rule.QuestionId, Hardening.LogText.Quote(by), touched.Count);
        return new AnswerGroupOutcome(rule, [.. touched.Order()], 200, null);
    }

    /// <summary>The ids of the undone rules among these (for the audit trail).</summary>
    public async Task<HashSet<long>> UndoneAsync(IEnumerable<long> ruleIds, CancellationToken ct)
    {
        var ids = ruleIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return [.. await db.AnswerGroupRules.Where(r => ids.Contains(r.Id) && r.UndoneAt != null).Select(r => r.Id).ToListAsync(ct)];
    }

    /// <summary>
    /// For the grading job, before overrides are applied to new grades: each submission whose new
    /// answer is in a group with a score not undone gets that score's override (dated as the rule,
    /// so a TA's own later score still wins), once per rule.
    /// </summary>
    public static async Task JoinAsync(GraderDbContext db, IReadOnlyList<(long Id, string? AssignmentId, GradeReport Report)> graded, CancellationToken ct)
    {
        var assignments = graded.Select(g => g.AssignmentId).OfType<string>().Distinct().ToList();
        var inForce = assignments.Count == 0 ? [] : await InForceAsync(db, assignments, ct);
        if (inForce.Count == 0)
        {
            return;
        }

        var ids = graded.Select(g => g.Id).ToList();
        var existing = (await db.ScoreOverrides.AsNoTracking().Where(o => ids.Contains(o.SubmissionId) && o.AnswerGroupRuleId != null)
            .Select(o => new { o.SubmissionId, o.QuestionId, o.AnswerGroupRuleId }).ToListAsync(ct))
            .Select(o => (o.SubmissionId, o.QuestionId, o.AnswerGroupRuleId!.Value)).ToHashSet();
        var added = 0;
        foreach (var (id, assignmentId, report) in graded)
        {
            foreach (var q in report.Questions)
            {
                if (AnswerGroups.KeyOf(q) is not { } key)
                {
                    continue;
                }

                foreach (var rule in inForce.Where(r => r.AssignmentId == assignmentId && r.QuestionId == q.Id && r.GroupKey == key && !existing.Contains((id, q.Id, r.Id))))
                {
                    db.ScoreOverrides.Add(OverrideOf(rule, id, q));
                    added++;
                }
            }
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    private static ScoreOverrideRecord OverrideOf(AnswerGroupRule rule, long submissionId, QuestionResult q) => new()
    {
        SubmissionId = submissionId, QuestionId = q.Id, Score = rule.Score, AutoScore = q.Override?.AutoScore ?? q.Score,
        Comment = rule.Comment, By = rule.By, At = rule.At, AnswerGroupRuleId = rule.Id,
    };

    private static AnswerGroupRule? Latest(IEnumerable<AnswerGroupRule> rules, string assignmentId, string question, string key) =>
        rules.Where(r => r.AssignmentId == assignmentId && r.QuestionId == question && r.GroupKey == key).OrderBy(r => r.At).ThenBy(r => r.Id).LastOrDefault();

    private static async Task<List<AnswerGroupRule>> InForceAsync(GraderDbContext db, IReadOnlyCollection<string> assignmentIds, CancellationToken ct) =>
        await db.AnswerGroupRules.AsNoTracking().Where(r => assignmentIds.Contains(r.AssignmentId) && r.UndoneAt == null).ToListAsync(ct);

    /// <summary>The current grade of each graded submission of the assignment (or of these submissions), with its student and report.</summary>
    private static async Task<List<(long Id, string? Student, GradeReport Report)>> CurrentReportsAsync(GraderDbContext db, string assignmentId, IReadOnlyCollection<long>? only, CancellationToken ct)
    {
        var rows = await (from s in db.Submissions.AsNoTracking()
                          join g in db.Grades.AsNoTracking() on s.Id equals g.SubmissionId
                          where s.AssignmentId == assignmentId && s.Status == SubmissionStatus.Graded && g.IsCurrent && g.Generation == s.Generation
                          select new { s.Id, s.Student, g.ReportJson }).ToListAsync(ct);
        return [.. rows.Where(r => only is null || only.Contains(r.Id)).Select(r => (r.Id, r.Student, GradeReportJsonReader.Read(r.ReportJson)))];
    }

    /// <summary>The stored standings of these submissions' students, whose scores just changed, in the same transaction.</summary>
    private async Task UpdateStandingsAsync(GraderDbContext db, IReadOnlyCollection<long> submissionIds, CancellationToken ct)
    {
        var owners = await db.Submissions.AsNoTracking().Where(s => submissionIds.Contains(s.Id)).Select(s => new { s.AssignmentId, s.Student }).ToListAsync(ct);
        await standings.UpdateAsync(db, owners.Select(o => (o.AssignmentId, o.Student)), ct: ct);
    }

    /// <summary>Applies afresh every override in force to the current grades of these submissions.</summary>
    private static async Task ReapplyAsync(GraderDbContext db, IReadOnlyCollection<long> submissionIds, CancellationToken ct)
    {
        if (submissionIds.Count == 0)
        {
            return;
        }

        var overrides = await ManualGradingService.ForAsync(db, submissionIds, ct);
        var grades = await db.Grades.Where(g => submissionIds.Contains(g.SubmissionId) && g.IsCurrent).ToListAsync(ct);
        foreach (var grade in grades)
        {
            var updated = ManualGrading.Reapply(GradeReportJsonReader.Read(grade.ReportJson), overrides.GetValueOrDefault(grade.SubmissionId) ?? []);
            grade.ReportJson = GradeReportJson.Write(updated, indented: false);
            grade.Score = updated.Score;
        }

        await db.SaveChangesAsync(ct);
    }
}
