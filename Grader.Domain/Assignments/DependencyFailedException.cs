using Grader.Domain.Expressions;

namespace Grader.Domain.Assignments;

/// <summary>Raised when an expression uses a graph node whose own evaluation failed (already reported there).</summary>
public sealed class DependencyFailedException(string node, int column)
    : ExpressionException($"'{node}' could not be evaluated", column)
{
    /// <summary>The graph node that failed.</summary>
    public string Node { get; } = node;
}
