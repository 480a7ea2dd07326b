namespace Grader.Domain.Graphs;

/// <summary>
/// How a graph question's points are shared between the function the graph computes, its
/// structure (one operation a node) and the annotations (each node's value and gradient).
/// The three shares sum to 1.
/// </summary>
public sealed record GraphWeights(double Function, double Structure, double Annotations)
{
    /// <summary>The default shares: 0.5 / 0.25 / 0.25 with annotations, 0.75 / 0.25 / 0 without.</summary>
    public static GraphWeights Default(bool annotated) => annotated ? new(0.5, 0.25, 0.25) : new(0.75, 0.25, 0);
}
