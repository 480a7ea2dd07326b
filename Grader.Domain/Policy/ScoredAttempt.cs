namespace Grader.Domain.Policy;

/// <summary>A submission under the policy: its admission (attempt number, lateness, penalty) and counted score (raw × (1 − penalty); null when not graded or not accepted).</summary>
public sealed record ScoredAttempt(Attempt Attempt, Admission Admission, double? Counted)
{
    /// <summary>The points taken by the penalty (raw − counted), or null.</summary>
    public double? PenaltyPoints => Attempt.Score is { } raw && Counted is { } c ? raw - c : null;
}
