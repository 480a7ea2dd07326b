using Grader.Data.Entities;

namespace Grader.Worker.Grading;

/// <summary>What setting or undoing a group's score did: the rule and the submissions it reached, or the HTTP status and reason it was refused.</summary>
public sealed record AnswerGroupOutcome(AnswerGroupRule? Rule, IReadOnlyList<long> Submissions, int Status, string? Error)
{
    /// <summary>A refusal.</summary>
    public static AnswerGroupOutcome Refused(int status, string error) => new(null, [], status, error);
}
