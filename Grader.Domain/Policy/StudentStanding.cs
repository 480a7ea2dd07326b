namespace Grader.Domain.Policy;

/// <summary>A student's submissions under the policy, in receipt order, and the one that counts (null when none is graded and accepted).</summary>
public sealed record StudentStanding(IReadOnlyList<ScoredAttempt> Submissions, ScoredAttempt? Counts);
