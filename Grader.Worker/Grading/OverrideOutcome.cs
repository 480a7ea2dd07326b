namespace Grader.Worker.Grading;

/// <summary>What a TA's override did: the score stored and the submission's new total, or the HTTP status (400, 404, 409) and the reason it was refused.</summary>
public sealed record OverrideOutcome(double? Total, int Status, string? Error)
{
    /// <summary>The question's score as stored (−0 read as 0), when it was set.</summary>
    public double? Score { get; init; }

    /// <summary>A refusal.</summary>
    public static OverrideOutcome Refused(int status, string error) => new(null, status, error);
}
