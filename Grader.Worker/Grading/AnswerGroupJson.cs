using Grader.Data.Entities;

namespace Grader.Worker.Grading;

/// <summary>The JSON shapes of answer groups and of a group's score.</summary>
public static class AnswerGroupJson
{
    /// <summary>A group: <c>{"question", "key", "answer", "students", "submissions", "maxScore", "rule"}</c>.</summary>
    public static object Of(AnswerGroupView g) => new
    {
        question = g.Question,
        key = g.Key,
        answer = g.Answer,
        students = g.Students,
        submissions = g.Submissions,
        maxScore = g.MaxScore,
        rule = g.Rule is { } r ? Of(r) : null,
    };

    /// <summary>A group's score: <c>{"id", "question", "key", "answer", "score", "comment", "by", "at", "undoneAt", "undoneBy"}</c>.</summary>
    public static object Of(AnswerGroupRule r) => new
    {
        id = r.Id,
        question = r.QuestionId,
        key = r.GroupKey,
        answer = r.Answer,
        score = r.Score,
        comment = r.Comment,
        by = r.By,
        at = r.At,
        undoneAt = r.UndoneAt,
        undoneBy = r.UndoneBy,
    };

    /// <summary>What setting or undoing did: the rule and the submissions it reached.</summary>
    public static object Of(AnswerGroupOutcome o) => new { rule = Of(o.Rule!), submissions = o.Submissions };
}
