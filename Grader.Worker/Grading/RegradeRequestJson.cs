using Grader.Data.Entities;

namespace Grader.Worker.Grading;

/// <summary>A regrade request as the API answers it.</summary>
public static class RegradeRequestJson
{
    /// <summary>The request's fields; <c>status</c> is <c>open</c> or <c>answered</c>.</summary>
    public static object Of(RegradeRequest r) => new
    {
        id = r.Id,
        submission = r.SubmissionId,
        assignment = r.AssignmentId,
        student = r.Student,
        question = r.QuestionId,
        comment = r.Comment,
        askedAt = r.AskedAt,
        status = r.AnsweredAt is null ? "open" : "answered",
        reply = r.Reply,
        score = r.Score,
        answeredBy = r.AnsweredBy,
        answeredAt = r.AnsweredAt,
    };
}
