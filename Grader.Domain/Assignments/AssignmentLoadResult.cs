namespace Grader.Domain.Assignments;

/// <summary>An assignment, when it loaded without problems, and every problem found.</summary>
public sealed record AssignmentLoadResult(Assignment? Assignment, IReadOnlyList<Diagnostic> Diagnostics);
