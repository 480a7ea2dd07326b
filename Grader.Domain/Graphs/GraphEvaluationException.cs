namespace Grader.Domain.Graphs;

/// <summary>A node of a graph could not be evaluated (a shape mismatch, NaN, a budget exceeded).</summary>
public sealed class GraphEvaluationException(GraphStep step, string message) : Exception(message)
{
    /// <summary>The node that failed.</summary>
    public GraphStep Step { get; } = step;
}
