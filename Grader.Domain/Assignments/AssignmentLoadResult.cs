namespace Grader.Domain.Assignments;

/// <summary>An assignment, when it loaded without problems, and every problem found.</summary>
public sealed record AssignmentLoadResult(Assignment? Assignment, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// What could be read of a file with problems (the parts that were well formed), so that its
    /// expressions can be checked in the same run; null when the file did not load at all.
    /// </summary>
    public Assignment? Partial { get; init; }
}
