namespace Grader.Domain.Policy;

/// <summary>
/// Whether a submission is accepted under the policy, and if not why; when accepted, the attempt
/// number, how late it is, and the penalty as a fraction of the raw score (late and attempt
/// penalties added, at most 1).
/// </summary>
public sealed record Admission(bool Accepted, string? Reason, int Attempt, TimeSpan Late, double LatePenalty, double AttemptPenalty)
{
    /// <summary>The whole penalty as a fraction of the raw score (at most 1).</summary>
    public double Penalty => Math.Min(1, LatePenalty + AttemptPenalty);

    /// <summary>True when received after the (student's) due date.</summary>
    public bool IsLate => Late > TimeSpan.Zero;

    /// <summary>A refusal.</summary>
    public static Admission Refused(string reason, int attempt) => new(false, reason, attempt, TimeSpan.Zero, 0, 0);
}
