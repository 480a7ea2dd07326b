using Grader.Reference;

namespace Grader.Domain.Expressions.Functions;

/// <summary>Reductions and products of vectors.</summary>
internal static class ReductionFunctions
{
    /// <summary>The entries, in the documentation's order.</summary>
    public static IEnumerable<BuiltinFunction> All =>
    [
        new("sum", ["x"], c => Ops.Sum(c.Arg(0)), "the sum of every element", "`torch.sum`"),
        new("mean", ["x"], c => Ops.Mean(c.Arg(0)), "the mean of every element", "`torch.mean`"),
        new("max", ["x"], c => Ops.Max(c.Arg(0)), "the largest element", "`torch.max(x)`", "ties split the gradient evenly"),
        new("norm", ["x"], c => Ops.Norm(c.Arg(0)), "the L2 norm √Σx² of every element", "`torch.linalg.norm(x.flatten())`", "the gradient at x = 0 is 0"),
        new("dot", ["a", "b"], c => Ops.Dot(c.Arg(0), c.Arg(1)), "Σ aᵢbᵢ of two vectors of equal length", "`torch.dot`"),
        new("outer", ["a", "b"], c => Ops.Outer(c.Arg(0), c.Arg(1)), "the outer product abᵀ of two vectors", "`torch.outer`")
        {
            Cost = c => new Cost("outer", (double)c.Arg(0).Value.Count * c.Arg(1).Value.Count, (double)c.Arg(0).Value.Count * c.Arg(1).Value.Count),
        },
    ];
}
