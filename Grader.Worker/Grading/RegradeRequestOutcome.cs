using Grader.Data.Entities;

namespace Grader.Worker.Grading;

/// <summary>What asking for or answering a regrade request did: the request, or the HTTP status and reason it was refused.</summary>
public sealed record RegradeRequestOutcome(RegradeRequest? Request, int Status, string? Error)
{
    /// <summary>A refusal.</summary>
    public static RegradeRequestOutcome Refused(int status, string error) => new(null, status, error);
}
