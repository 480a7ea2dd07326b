using Grader.Domain.Expressions;
using Grader.Domain.Networks;
using Grader.Reference;

namespace Grader.Domain.Graphs;

/// <summary>
/// A graph evaluated at given input values with the reference engine: every node's value and,
/// when the output is a scalar and gradients are asked for, ∂(output)/∂(node) for every node and input.
/// </summary>
public sealed class GraphEvaluation : IEvaluationScope
{
    private readonly Dictionary<string, Node> nodes = [];
    private readonly GraphProgram program;

    private GraphEvaluation(GraphProgram program) => this.program = program;

    /// <summary>Each node's and input's value, by name.</summary>
    public IReadOnlyDictionary<string, Tensor> Values { get; private set; } = new Dictionary<string, Tensor>();

    /// <summary>∂(output)/∂(name) for every node and input, or null when not asked for or the output is not a scalar.</summary>
    public IReadOnlyDictionary<string, Tensor>? Gradients { get; private set; }

    /// <summary>The output's value.</summary>
    public Tensor Output => Values[program.Output];

    /// <summary>
    /// Evaluates the graph; <paramref name="inputs"/> gives every input (and any other leaf the
    /// program names) a value. Throws <see cref="GraphEvaluationException"/> naming the node that failed.
    /// </summary>
    public static GraphEvaluation Run(GraphProgram program, IReadOnlyDictionary<string, Tensor> inputs, bool gradients)
    {
        var run = new GraphEvaluation(program);
        foreach (var (name, value) in inputs)
        {
            run.nodes[name] = Node.Leaf(value);
        }

        var evaluator = new ExpressionEvaluator(run);
        foreach (var step in program.Steps)
        {
            Node node;
            try
            {
                node = evaluator.Evaluate(step.Expression);
            }
            catch (ExpressionException ex)
            {
                throw new GraphEvaluationException(step, ex.Message);
            }

            if (!node.Value.IsFinite())
            {
                throw new GraphEvaluationException(step, "the value is not finite (NaN or infinity)");
            }

            // Every node can be differentiated with respect to, even a constant one.
            run.nodes[step.Name] = node.RequiresGrad ? node : Node.Leaf(node.Value);
        }

        run.Values = run.nodes.ToDictionary(n => n.Key, n => n.Value.Value);
        var output = run.nodes[program.Output];
        if (gradients && output.Value.IsScalarLike)
        {
            var grads = output.Gradients();
            run.Gradients = run.nodes.ToDictionary(
                n => n.Key,
                n => ReferenceEquals(n.Value, output) ? Tensor.Full(output.Value.Shape, 1) : grads.TryGetValue(n.Value, out var g) ? g : Tensor.Zeros(n.Value.Value.Shape));
        }

        return run;
    }

    /// <inheritdoc />
    public Node Resolve(string name, int column)
    {
        if (nodes.TryGetValue(name, out var node))
        {
            return node;
        }

        if (program.Indexed.TryGetValue(name, out var ix) && nodes.TryGetValue(ix.Source, out var source))
        {
            nodes[name] = node = Element(source, ix, column);
            return node;
        }

        return Builtins.Constant(name) ?? throw new ExpressionException($"unknown name '{name}'", column);
    }

    /// <inheritdoc />
    public Network? FindNetwork(string name) => null;

    /// <inheritdoc />
    public IReadOnlyDictionary<Node, Tensor> GradientsOf(Node output) => output.Gradients();

    /// <summary>One element of a tensor as sum(x · one-hot), so the gradient flows back to the element.</summary>
    private static Node Element(Node source, IndexedLeaf ix, int column)
    {
        var shape = source.Value.Shape;
        if (ix.Index.Count != shape.Length || ix.Index.Where((i, axis) => i < 0 || i >= shape[axis]).Any())
        {
            throw new ExpressionException($"{ix.Text} is outside {ix.Source}, of shape {source.Value.ShapeText} (indices count from 0)", column);
        }

        var offset = 0;
        for (var axis = 0; axis < shape.Length; axis++)
        {
            offset = offset * shape[axis] + ix.Index[axis];
        }

        var mask = new double[source.Value.Count];
        mask[offset] = 1;
        return Ops.Sum(Ops.Mul(source, Node.Constant(new Tensor(shape, mask))));
    }
}
