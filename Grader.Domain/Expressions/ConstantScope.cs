using Grader.Domain.Networks;
using Grader.Reference;

namespace Grader.Domain.Expressions;

/// <summary>A scope with only the constants pi and e: for values and answers written as expressions of constants.</summary>
public sealed class ConstantScope : IEvaluationScope
{
    /// <summary>The shared instance.</summary>
    public static readonly ConstantScope Instance = new();

    /// <inheritdoc />
    public Node Resolve(string name, int column) =>
        Builtins.Constant(name) ?? throw new ExpressionException(
            $"'{name}' is not a constant: only numbers, pi and e may be used here", column);

    /// <inheritdoc />
    public Network? FindNetwork(string name) => null;

    /// <inheritdoc />
    public IReadOnlyDictionary<Node, Tensor> GradientsOf(Node output) => output.Gradients();
}
