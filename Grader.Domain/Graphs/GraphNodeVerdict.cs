namespace Grader.Domain.Graphs;

/// <summary>
/// The verdict on one line of a student's graph: the key node it matches by value (null: none,
/// or withheld), its value and gradient annotations (<c>correct</c>, <c>wrong</c>, <c>missing</c>;
/// null when not asked for), and feedback for the line, if any.
/// </summary>
public sealed record GraphNodeVerdict(int Line, string Name, string Text, bool IsInput, string? Matched, string? Value, string? Grad, string? Feedback);
