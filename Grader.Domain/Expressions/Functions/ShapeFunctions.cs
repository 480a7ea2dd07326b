using Grader.Reference;

namespace Grader.Domain.Expressions.Functions;

/// <summary>Functions that move elements: reshapes, transposes, flips.</summary>
internal static class ShapeFunctions
{
    /// <summary>The entries, in the documentation's order.</summary>
    public static IEnumerable<BuiltinFunction> All =>
    [
        new("reshape", ["x", "shape"], c => Ops.Reshape(c.Arg(0), Inferred(c, c.Arg(0).Value.Count)),
            "the same elements in another shape (row-major); one size may be −1, inferred from the others", "`torch.reshape`"),
        new("flatten", ["x"], c => Ops.Flatten(c.Arg(0)), "the elements as a vector", "`torch.flatten`"),
        new("transpose", ["x", new("a", "none") { Aliases = ["dim0"] }, new("b", "none") { Aliases = ["dim1"] }], Transpose,
            "axes a and b swapped (negative from the end); without them the transpose of a matrix (a vector or scalar as it is; rank 3 or more: every axis reversed, as `x.T`)",
            "`torch.transpose(x, a, b)`, `x.T`"),
        new("flip", ["x"], c => Ops.Flip(c.Arg(0)), "the last two axes reversed (a kernel turned 180°)", "`torch.flip(x, (-2, -1))`"),
    ];

    private static Node Transpose(CallContext c)
    {
        if (c.Raw(1) is null && c.Raw(2) is null)
        {
            // x.T: a matrix transposed; a tensor of rank 3 or more with every axis reversed, as PyTorch 1.13's x.T.
            var rank = c.Arg(0).Value.Rank;
            return rank <= 2 ? Ops.Transpose(c.Arg(0)) : Ops.Permute(c.Arg(0), [.. Enumerable.Range(0, rank).Reverse()]);
        }

        if (c.Raw(1) is null || c.Raw(2) is null)
        {
            throw new ExpressionException("transpose takes both axes a and b, or neither", c.Call.Column);
        }

        return Ops.Transpose(c.Arg(0), c.Whole(1, 0), c.Whole(2, 0));
    }

    /// <summary>Argument 1 as a shape of <paramref name="count"/> elements, one size −1 standing for what the others leave.</summary>
    private static int[] Inferred(CallContext c, int count)
    {
        var v = c.Arg(1).Value;
        var column = c.Raw(1)!.StartColumn;
        if (v.Rank > 1 || v.Count > Limits.MaxTensorRank || v.Data.Any(d => d != Math.Floor(d) || d < -1 || d > Limits.MaxTensorElements))
        {
            throw new ExpressionException($"a shape is a list of at most {Limits.MaxTensorRank} whole sizes (one may be -1), got {v}", column);
        }

        var shape = v.Data.Select(d => (int)d).ToArray();
        var free = Array.IndexOf(shape, -1);
        if (free < 0)
        {
            return shape;
        }

        if (Array.LastIndexOf(shape, -1) != free)
        {
            throw new ExpressionException($"only one size can be -1, got {v}", column);
        }

        var known = shape.Where(d => d != -1).Aggregate(1L, (p, d) => p * d);
        if (known == 0 || count % known != 0)
        {
            throw new ExpressionException($"cannot reshape {count} elements to {v}: the other sizes' product {known} does not divide it", column);
        }

        shape[free] = (int)(count / known);
        return shape;
    }
}
