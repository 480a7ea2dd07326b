using Grader.Domain.Expressions;

namespace Grader.Domain.Graphs;

/// <summary>
/// One node of a graph: its name, its expression (over inputs, constants and earlier nodes), the
/// line it was written on (1-based; 0 for a key node), and the operations the expression does.
/// </summary>
public sealed record GraphStep(string Name, Expr Expression, string Text, int Line, IReadOnlyList<string> Operations)
{
    /// <summary>The node as a line: <c>name = operation</c>.</summary>
    public string Display => $"{Name} = {Text}";
}
