using Grader.Domain.Networks;
using Grader.Reference;

namespace Grader.Domain.Expressions;

/// <summary>What names mean while an expression is evaluated.</summary>
public interface IEvaluationScope
{
    /// <summary>The node a name stands for; throws <see cref="ExpressionException"/> for an unknown name.</summary>
    Node Resolve(string name, int column);

    /// <summary>The network of that name, or null.</summary>
    Network? FindNetwork(string name);

    /// <summary>The gradients of a scalar node with respect to everything it depends on (cached per node).</summary>
    IReadOnlyDictionary<Node, Tensor> GradientsOf(Node output);
}
