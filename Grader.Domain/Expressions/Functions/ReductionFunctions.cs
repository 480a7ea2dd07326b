using Grader.Reference;

namespace Grader.Domain.Expressions.Functions;

/// <summary>Reductions (over every element, or along axes) and products of vectors.</summary>
internal static class ReductionFunctions
{
    private const string AxisRule = "; `axis=` an integer or a list (negative from the end; `dim=` too; an empty list `[]` is every axis, as PyTorch's `dim=[]`), `keepdims=true` keeps them as 1 (`keepdim=` too)";

    /// <summary>The entries, in the documentation's order.</summary>
    public static IEnumerable<BuiltinFunction> All =>
    [
        Reduction("sum", c => c.Raw(1) is null && !c.Flag(2, false) ? Ops.Sum(c.Arg(0)) : Ops.Sum(c.Arg(0), c.Axes(1), c.Flag(2, false)),
            "the sum of every element, or along axes" + AxisRule, "`torch.sum(x, dim, keepdim)`"),
        Reduction("mean", c => c.Raw(1) is null && !c.Flag(2, false) ? Ops.Mean(c.Arg(0)) : Ops.Mean(c.Arg(0), c.Axes(1), c.Flag(2, false)),
            "the mean of every element, or along axes", "`torch.mean(x, dim, keepdim)`"),
        Reduction("max", c => Extreme(c, Ops.Max, Ops.Max), "the largest element, or the largest along axes",
            "`torch.max(x)`; `torch.max(x, dim).values` (`torch.amax` for several axes)",
            "the whole tensor's ties split the gradient evenly; along one axis it goes to the first maximum; along several axes ties split it (as `torch.amax`)"),
        Reduction("min", c => Extreme(c, Ops.Min, Ops.Min), "the smallest element, or the smallest along axes",
            "`torch.min(x)`; `torch.min(x, dim).values` (`torch.amin` for several axes)",
            "the whole tensor's ties split the gradient evenly; along one axis it goes to the first minimum; along several axes ties split it (as `torch.amin`)"),
        Spread("var", Ops.Var, "the variance mean((x − x̄)²) of every element or along axes; `unbiased=true` divides by n − 1 instead of n",
            "`torch.var(x, dim, unbiased=False, keepdim)` (the default here is the biased one, batchnorm's)"),
        Spread("std", Ops.Std, "the standard deviation √var", "`torch.std(x, dim, unbiased=False, keepdim)`", "where it is 0 the gradient is 0, as PyTorch's `std_backward`"),
        Reduction("logsumexp", c => Ops.LogSumExp(c.Arg(0), c.Axes(1), c.Flag(2, false)), "log Σ eˣ, computed stably", "`torch.logsumexp(x, dim, keepdim)`"),
        Reduction("prod", c => c.Raw(1) is null && !c.Flag(2, false) ? Ops.Reshape(Ops.Prod(c.Arg(0), null), []) : Ops.Prod(c.Arg(0), c.Axes(1), c.Flag(2, false)),
            "the product of every element, or along axes", "`torch.prod(x, dim, keepdim)`", "exact where an element is 0 (the product of the others)"),
        Arg("argmax", largest: true),
        Arg("argmin", largest: false),
        new("norm", ["x", Axis(), KeepDims], c => c.Axes(1) is { } axes ? Ops.Norm(c.Arg(0), axes, c.Flag(2, false)) : Norm(c),
            "the L2 norm √Σx² of every element, or along axes (`dim=` too)", "`torch.linalg.norm(x.flatten())`; `torch.norm(x, dim=axes, keepdim)`", "the gradient where the norm is 0 is 0"),
        new("dot", ["a", "b"], c => Ops.Dot(c.Arg(0), c.Arg(1)), "Σ aᵢbᵢ of two vectors of equal length", "`torch.dot`"),
        new("outer", ["a", "b"], c => Ops.Outer(c.Arg(0), c.Arg(1)), "the outer product abᵀ of two vectors", "`torch.outer`")
        {
            Cost = c => new Cost("outer", (double)c.Arg(0).Value.Count * c.Arg(1).Value.Count, (double)c.Arg(0).Value.Count * c.Arg(1).Value.Count),
        },
    ];

    /// <summary>The whole tensor's norm, kept as ones when keepdims (torch.norm(x, dim=None, keepdim=True) keeps every axis as 1).</summary>
    private static Node Norm(CallContext c)
    {
        var n = Ops.Norm(c.Arg(0));
        return c.Flag(2, false) ? Ops.Reshape(n, [.. c.Arg(0).Value.Shape.Select(_ => 1)]) : n;
    }

    /// <summary>The axis parameter: all axes by default, <c>dim=</c> as an alias.</summary>
    internal static Parameter Axis(string fallback = "all") => new("axis", fallback) { Aliases = ["dim"] };

    /// <summary>The keepdims parameter, <c>keepdim=</c> as an alias.</summary>
    internal static Parameter KeepDims => new("keepdims", "false") { Aliases = ["keepdim"] };

    private static BuiltinFunction Reduction(string name, Func<CallContext, Node> evaluate, string computes, string pytorch, string kink = "") =>
        new(name, ["x", Axis(), KeepDims], evaluate, computes, pytorch, kink);

    /// <summary>var or std, their parameters in PyTorch's order (<c>torch.var(input, dim, unbiased, keepdim)</c>), so that a positional third argument is unbiased there and here.</summary>
    private static BuiltinFunction Spread(string name, Func<Node, IReadOnlyList<int>?, bool, bool, Node> op, string computes, string pytorch, string kink = "") =>
        new(name, ["x", Axis(), new("unbiased", "false"), KeepDims], c => op(c.Arg(0), c.Axes(1), c.Flag(3, false), c.Flag(2, false)), computes, pytorch, kink);

    /// <summary>max or min: of the whole tensor (ties split) without axes, else along them.</summary>
    private static Node Extreme(CallContext c, Func<Node, Node> whole, Func<Node, IReadOnlyList<int>, bool, Node> along)
    {
        var (axes, keep) = (c.Axes(1), c.Flag(2, false));
        if (axes is not null)
        {
            return along(c.Arg(0), axes, keep);
        }

        var m = whole(c.Arg(0));
        return keep ? Ops.Reshape(m, [.. c.Arg(0).Value.Shape.Select(_ => 1)]) : m;
    }

    private static BuiltinFunction Arg(string name, bool largest) =>
        new(name, ["x", Axis("none"), KeepDims], c =>
            {
                var axes = c.Axes(1);
                return axes is { Length: > 1 }
                    ? throw new ExpressionException($"{name} takes one axis, got {axes.Length}", c.Raw(1)!.StartColumn)
                    : Ops.ArgExtreme(c.Arg(0), axes, c.Flag(2, false), largest);
            },
            $"the index of the first {(largest ? "largest" : "smallest")} element along an axis (without one, its flat index); no gradient",
            $"`torch.{name}(x, dim, keepdim)`");
}
