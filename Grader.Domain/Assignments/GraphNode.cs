using Grader.Domain.Expressions;

namespace Grader.Domain.Assignments;

/// <summary>A named node of the assignment's graph and its expression.</summary>
public sealed record GraphNode(string Name, Expr Expression, Located Where);
