using Grader.Domain.Policy;

namespace Grader.Worker.Reports;

/// <summary>
/// A student's place in an assignment's gradebook: the submission that counts under the course
/// rules (best or latest, penalties applied), how many they made, and whether its grade used an
/// older version of the assignment.
/// </summary>
public sealed record Standing(string Student, SubmissionRow Row, ScoredAttempt Counted, int Attempts, bool Outdated)
{
    /// <summary>The raw score (before penalties).</summary>
    public double Raw => Row.Score ?? 0;

    /// <summary>The score that counts.</summary>
    public double Total => Counted.Counted ?? 0;

    /// <summary>The points taken by late and attempt penalties.</summary>
    public double Penalty => Counted.PenaltyPoints ?? 0;
}
