using Grader.Domain.Assignments;

namespace Grader.Domain.Graphs;

/// <summary>
/// What a question of kind <c>graph</c> asks: the graph of the assignment's node
/// <see cref="Output"/>, drawn from <see cref="Inputs"/> (null: the leaves the key uses),
/// optionally annotated with each node's value and gradient, its points shared by <see cref="Weights"/>.
/// <see cref="OutputWhere"/> and <see cref="AnnotateWhere"/> say where the question wrote them.
/// </summary>
public sealed record GraphSpec(
    string Output,
    IReadOnlyList<string>? Inputs,
    bool AnnotateValue,
    bool AnnotateGrad,
    GraphWeights Weights,
    Located? OutputWhere,
    SourcePosition AnnotateWhere)
{
    /// <summary>The graph of any graph node, from the values the key uses, without annotations (for drawing).</summary>
    public static GraphSpec Of(string node) => new(node, null, false, false, GraphWeights.Default(false), null, default);

    /// <summary>True when any annotation is asked for.</summary>
    public bool Annotated => AnnotateValue || AnnotateGrad;
}
