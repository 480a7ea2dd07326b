namespace Grader.Domain.Policy;

/// <summary>
/// How many submissions count (<c>null</c>: unlimited; Check never counts) and the percentage of
/// the raw score taken for each attempt after the first, in the manner of STACK.
/// </summary>
public sealed record AttemptRule(int? Max, double PenaltyPercent)
{
    /// <summary>Unlimited attempts, no penalty.</summary>
    public static readonly AttemptRule Unlimited = new(null, 0);

    /// <summary>The fraction of the raw score taken for the attempt numbered <paramref name="attempt"/> (1-based; at most 1).</summary>
    public double Fraction(int attempt) => Math.Min(1, Math.Max(0, attempt - 1) * PenaltyPercent / 100);
}
