using Grader.Domain.Networks;
using Grader.Reference;

namespace Grader.Domain.Expressions.Functions;

/// <summary>Gradients, and questions about shapes and networks.</summary>
internal static class QueryFunctions
{
    /// <summary>The entries, in the documentation's order.</summary>
    public static IEnumerable<BuiltinFunction> All =>
    [
        new("grad", ["f", "v"], Gradient,
            "∂f/∂v of a scalar f, in v's shape (dL/dW has W's shape); it stays in the graph, so a grad of an expression that holds a grad is exact",
            "`torch.autograd.grad(f, v, create_graph=True)`", "second derivatives follow PyTorch's backward formulas"),
        new("detach", ["x"], c => Node.Constant(c.Arg(0).Value), "x's value, with no gradient flowing through it", "`x.detach()`"),
        new("shape", ["x"], c => Node.Constant(Tensor.Vector([.. c.Arg(0).Value.Shape.Select(d => (double)d)])), "x's shape as a vector of sizes", "`x.shape`"),
        new("numel", ["x"], c => Node.Constant(Tensor.Scalar(c.Arg(0).Value.Count)), "the number of elements", "`x.numel()`"),
        new("params", ["net", new("i", "all")], c => NetworkQuery(c, (n, layer) => Tensor.Scalar(layer is { } i ? n.ParametersOf(i) : n.Parameters())),
            "the learnable parameters (biases included) of a layer stack, or of its i-th layer (1-based)", "`sum(p.numel() for p in net.parameters())`"),
        new("output_shape", ["net", new("i", "all")], c => NetworkQuery(c, (n, layer) => Tensor.Vector([.. n.ShapeAfter(layer ?? n.Layers.Count).Select(d => (double)d)])),
            "the output shape of a layer stack, or after its i-th layer", "`net(x).shape`"),
    ];

    private static Node Gradient(CallContext c)
    {
        var (f, v) = (c.Raw(0)!, c.Raw(1)!);
        if (v is not NameExpr name)
        {
            throw new ExpressionException("grad's second argument must be the name of a value or graph node", v.StartColumn);
        }

        var output = c.Arg(0);
        if (!output.Value.IsScalarLike)
        {
            throw new ExpressionException(
                $"grad needs a scalar to differentiate, but its first argument has shape {output.Value.ShapeText}", f.StartColumn);
        }

        var target = c.Scope.Resolve(name.Name, name.Column);
        if (IndexUse.IsIndexOf(output, target))
        {
            throw new ExpressionException(
                $"'{name.Name}' is an index in the expression differentiated (or an index is computed from it): an index selects elements and takes no gradient",
                name.Column);
        }

        c.Budget.CheckTime();
        var grads = c.Scope.GradientsOf(output);

        // The gradient keeps its place in the graph (PyTorch's create_graph=True): a grad of an
        // expression that holds it differentiates through the backward pass, built only then.
        return grads.TryGetValue(target, out var g)
            ? Node.Gradient(output, target, g)
            : Node.Constant(Tensor.Zeros(target.Value.Shape));
    }

    private static Node NetworkQuery(CallContext c, Func<Network, int?, Tensor> query)
    {
        if (c.Raw(0) is not NameExpr name)
        {
            throw new ExpressionException("expected the name of a network", c.Raw(0)!.Column);
        }

        var network = c.Scope.FindNetwork(name.Name)
            ?? throw new ExpressionException($"unknown network '{name.Name}'", name.Column);
        int? layer = null;
        if (c.Raw(1) is not null)
        {
            layer = c.Whole(1, 0);
            if (layer < 1 || layer > network.Layers.Count)
            {
                throw new ExpressionException(
                    $"network {network.Name} has layers 1 to {network.Layers.Count}, not {layer}", c.Raw(1)!.Column);
            }
        }

        try
        {
            return Node.Constant(query(network, layer));
        }
        catch (ArchitectureException ex)
        {
            throw new ExpressionException(ex.Message, name.Column);
        }
    }
}
