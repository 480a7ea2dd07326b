using Grader.Data.Entities;
using Grader.Data;
using Grader.Domain.Assignments;
using Grader.Domain.Output;
using Grader.Worker.Course;
using Grader.Worker.Hardening;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Grading;

/// <summary>
/// Students' regrade requests of one question of a graded submission, while the assignment's
/// <c>regrade_requests</c> rule allows, and the TAs' answers (a reply, and a score applied as a
/// manual override). Each request's row records every step; each step is also logged.
/// </summary>
public sealed class RegradeRequestService(
    IDbContextFactory<GraderDbContext> dbFactory, AssignmentCatalog catalog, CourseRules rules, ManualGradingService manual, ILogger<RegradeRequestService> log)
{
    /// <summary>The longest comment or reply taken.</summary>
    public const int MaxText = 2000;

    /// <summary>Asks for a regrade of <paramref name="questionId"/>: 201 with the request, or 400, 403 or 409 with the reason.</summary>
    public async Task<RegradeRequestOutcome> AskAsync(Submission submission, string? questionId, string? comment, CancellationToken ct)
    {
        questionId = questionId?.Trim();
        comment = comment?.Trim() ?? "";
        if (string.IsNullOrEmpty(questionId))
        {
            return RegradeRequestOutcome.Refused(400, "say which question: {\"question\": ..., \"comment\": ...}");
        }

        if (comment.Length > MaxText)
        {
            return RegradeRequestOutcome.Refused(400, $"the comment is {comment.Length} characters; the limit is {MaxText}");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var grades = await db.Grades.AsNoTracking().Where(g => g.SubmissionId == submission.Id).OrderBy(g => g.Generation).ToListAsync(ct);
        if (submission.Status == SubmissionStatus.Rejected)
        {
            return RegradeRequestOutcome.Refused(409, $"submission {submission.Id} was rejected{ManualGradingService.Because(submission.Reason)}: it has no grade, and never will, so there is nothing to regrade");
        }

        if (submission.Status != SubmissionStatus.Graded || grades.LastOrDefault(g => g.IsCurrent) is not { } grade)
        {
            return RegradeRequestOutcome.Refused(409, $"submission {submission.Id} is not graded yet: a regrade can be asked once it is");
        }

        var report = GradeReportJsonReader.Read(grade.ReportJson);
        if (report.Questions.All(q => q.Id != questionId))
        {
            return RegradeRequestOutcome.Refused(400, $"no question '{LogText.Escape(questionId, 100)}' in this submission (questions: {string.Join(", ", report.Questions.Select(q => q.Id))})");
        }

        var assignment = await RulesAsync(submission, ct);
        var rule = assignment?.Policy.Regrades ?? Domain.Policy.RegradeRule.Never;
        var releasedAt = assignment is null ? null : await KeyReleasedAtAsync(assignment, questionId, new DateTimeOffset(grades[0].GradedAt, TimeSpan.Zero), ct);
        if (rule.Refusal(rules.Now, assignment?.Policy.TimeZone ?? rules.Zone, releasedAt) is { } closed)
        {
            return RegradeRequestOutcome.Refused(403, closed);
        }

        if (await db.RegradeRequests.AnyAsync(r => r.SubmissionId == submission.Id && r.QuestionId == questionId && r.AnsweredAt == null, ct))
        {
            return RegradeRequestOutcome.Refused(409, $"a regrade of '{questionId}' is already asked and not answered yet");
        }

        var request = new RegradeRequest
        {
            SubmissionId = submission.Id, AssignmentId = submission.AssignmentId ?? "", Student = submission.Student ?? "", QuestionId = questionId, Comment = comment,
            AskedAt = rules.Now.UtcDateTime,
        };
        db.RegradeRequests.Add(request);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Regrade request {Request}: {Student} asks about {Question} of submission {Submission}",
            request.Id, LogText.Escape(request.Student, 200), LogText.Escape(questionId, 100), submission.Id);
        return new RegradeRequestOutcome(request, 201, null);
    }

    /// <summary>Answers a request with a reply and, optionally, a score (a manual override): 200 with the request, or 400, 404 or 409 with the reason.</summary>
    public async Task<RegradeRequestOutcome> AnswerAsync(long requestId, string? reply, double? score, string by, CancellationToken ct)
    {
        reply = reply?.Trim() ?? "";
        if (reply.Length == 0)
        {
            return RegradeRequestOutcome.Refused(400, "say what the student is told: {\"reply\": ..., \"score\": ..., \"by\": ...}");
        }

        if (reply.Length > MaxText)
        {
            return RegradeRequestOutcome.Refused(400, $"the reply is {reply.Length} characters; the limit is {MaxText}");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.RegradeRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return RegradeRequestOutcome.Refused(404, $"no regrade request {requestId}");
        }

        if (request.AnsweredAt is not null)
        {
            return RegradeRequestOutcome.Refused(409, $"regrade request {requestId} was answered by {request.AnsweredBy} already");
        }

        if (score is { } s)
        {
            var set = await manual.OverrideAsync(request.SubmissionId, request.QuestionId, s, reply, by, ct);
            if (set.Total is null)
            {
                return RegradeRequestOutcome.Refused(set.Status, set.Error!);
            }
        }

        request.Reply = reply;
        request.Score = score;
        request.AnsweredBy = by;
        request.AnsweredAt = rules.Now.UtcDateTime;
        await db.SaveChangesAsync(ct);
        log.LogInformation("Regrade request {Request} answered by {By}{Score}",
            request.Id, LogText.Escape(by, 200), score is { } x ? $" with the score {x}" : " without a new score");
        return new RegradeRequestOutcome(request, 200, null);
    }

    /// <summary>A request by its id, or null.</summary>
    public async Task<RegradeRequest?> FindAsync(long requestId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RegradeRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct);
    }

    /// <summary>An assignment's requests, oldest first: all, only open ones (<paramref name="answered"/> false) or only answered ones.</summary>
    public async Task<List<RegradeRequest>> ListAsync(string assignmentId, bool? answered, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.RegradeRequests.AsNoTracking().Where(r => r.AssignmentId == assignmentId);
        query = answered switch
        {
            true => query.Where(r => r.AnsweredAt != null),
            false => query.Where(r => r.AnsweredAt == null),
            null => query,
        };
        return [.. (await query.ToListAsync(ct)).OrderBy(r => r.AskedAt).ThenBy(r => r.Id)];
    }

    /// <summary>A submission's requests, oldest first.</summary>
    public async Task<List<RegradeRequest>> ForSubmissionAsync(long submissionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return [.. (await db.RegradeRequests.AsNoTracking().Where(r => r.SubmissionId == submissionId).ToListAsync(ct)).OrderBy(r => r.AskedAt).ThenBy(r => r.Id)];
    }

    /// <summary>Null when a request on the submission is taken now (for some question); otherwise why not (for the report page).</summary>
    public async Task<string?> ClosedAsync(Submission submission, IEnumerable<string> questionIds, DateTimeOffset firstGradedAt, CancellationToken ct)
    {
        var assignment = await RulesAsync(submission, ct);
        var rule = assignment?.Policy.Regrades ?? Domain.Policy.RegradeRule.Never;
        string? last = "this assignment takes no regrade requests";
        foreach (var q in questionIds)
        {
            var releasedAt = assignment is null ? null : await KeyReleasedAtAsync(assignment, q, firstGradedAt, ct);
            if ((last = rule.Refusal(rules.Now, assignment?.Policy.TimeZone ?? rules.Zone, releasedAt)) is null)
            {
                return null;
            }
        }

        return last;
    }

    /// <summary>When the question's key was released to the student: at grading for always and after_grading, when submissions closed for after_due, never for never.</summary>
    private async Task<DateTimeOffset?> KeyReleasedAtAsync(Assignment assignment, string questionId, DateTimeOffset gradedAt, CancellationToken ct) =>
        assignment.FindQuestion(questionId)?.ShowKey(assignment.Defaults) switch
        {
            ShowKey.Always or ShowKey.AfterGrading => gradedAt,
            ShowKey.AfterDue => await rules.KeyReleaseAtAsync(assignment, ct) is { } closed ? (closed > gradedAt ? closed : gradedAt) : null,
            _ => null,
        };

    private async Task<Assignment?> RulesAsync(Submission s, CancellationToken ct) =>
        (s.AssignmentId is not null && catalog.CurrentVersion(s.AssignmentId) is { } current ? await catalog.GetVersionAsync(current, ct) : null)
        ?? (s.AssignmentVersionId is { } graded ? await catalog.GetVersionAsync(graded, ct) : null);
}
