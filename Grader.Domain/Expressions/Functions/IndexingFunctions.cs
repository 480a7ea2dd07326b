using Grader.Reference;

namespace Grader.Domain.Expressions.Functions;

/// <summary>Functions that build tensors, join them, pick from them and clamp them.</summary>
internal static class IndexingFunctions
{
    /// <summary>The entries, in the documentation's order.</summary>
    public static IEnumerable<BuiltinFunction> All =>
    [
        new("concat", ["tensors", ReductionFunctions.Axis("0")], c => Ops.Concat(c.Items(0), c.Whole(1, 0)),
            "the tensors of a list [a, b, …] joined along an existing axis (negative from the end); the other sizes agree; each part takes its slice of the gradient",
            "`torch.cat(tensors, dim)`")
        {
            Cost = c => Joined(c, "concat"),
        },
        new("stack", ["tensors", ReductionFunctions.Axis("0")], c => Ops.Stack(c.Items(0), c.Whole(1, 0)),
            "the tensors of a list [a, b, …], of one shape, stacked along a new axis (negative from the end)",
            "`torch.stack(tensors, dim)`")
        {
            Cost = c => Joined(c, "stack"),
        },
        new("zeros", ["shape"], c => Node.Constant(Tensor.Zeros(c.Shape(0))),
            "a tensor of zeros of a shape (a list of sizes, or one size, or the sizes one by one: zeros(2, 3)); no gradient", "`torch.zeros(shape)`")
        {
            Variadic = true,
            Cost = c => Sized(c, "zeros"),
        },
        new("ones", ["shape"], c => Node.Constant(Tensor.Full(c.Shape(0), 1)),
            "a tensor of ones of a shape (a list of sizes, or one size, or the sizes one by one: ones(2, 3)); no gradient", "`torch.ones(shape)`")
        {
            Variadic = true,
            Cost = c => Sized(c, "ones"),
        },
        new("eye", ["n", new("m", "n")], c => Node.Constant(Eye(Size(c, 0), c.Raw(1) is null ? Size(c, 0) : Size(c, 1))),
            "the identity matrix (n, m): 1 where the row and column agree; no gradient", "`torch.eye(n, m)`")
        {
            Cost = c => new Cost("eye", (double)Size(c, 0) * (c.Raw(1) is null ? Size(c, 0) : Size(c, 1)), (double)Size(c, 0) * (c.Raw(1) is null ? Size(c, 0) : Size(c, 1))),
        },
        new("onehot", ["idx", new("n", "-1") { Aliases = ["num_classes"] }], c => Ops.OneHot(ClassIndices(c), Classes(c)),
            "rows of n zeros with a 1 at each whole class index of idx (shape S gives S + (n)); n = −1 takes the largest index + 1",
            "`F.one_hot(idx, n).double()`", "no gradient (an index takes none)")
        {
            Cost = c => new Cost("onehot", (double)c.Arg(0).Value.Count * Classes(c), (double)c.Arg(0).Value.Count * Classes(c)),
        },
        new("embedding", [new("W") { Aliases = ["weight"] }, new("idx") { Aliases = ["input"] }], Embedding,
            "the rows of a table W (num, dim) at whole indices idx of any shape S, giving S + (dim); W's gradient adds each row's gradients, a repeated index accumulating",
            "`F.embedding(idx, W)` (table first)", "no gradient to idx")
        {
            Cost = c => new Cost("embedding", (double)c.Arg(1).Value.Count * c.Arg(0).Value.Shape.LastOrDefault(1), (double)c.Arg(1).Value.Count * c.Arg(0).Value.Shape.LastOrDefault(1)),
        },
        new("clip", ["x", new("lo") { Aliases = ["min"] }, new("hi") { Aliases = ["max"] }], c => Clamp(c, c.Arg(1), c.Arg(2)),
            "min(max(x, lo), hi), element-wise; lo and hi numbers or tensors (broadcast)", "`torch.clamp(x, lo, hi)`",
            "the gradient passes to x where lo ≤ x ≤ hi, bounds included, and to a tensor bound where it is chosen (as PyTorch's clamp backward)"),
        new("clamp", ["x", new("min", "none"), new("max", "none")], c => c.Raw(1) is null && c.Raw(2) is null
                ? throw new ShapeException("clamp needs min or max (or both), as in PyTorch")
                : Clamp(c, c.Optional(1), c.Optional(2)),
            "PyTorch's name: min(max(x, min), max), element-wise, either bound left out; bounds numbers or tensors (broadcast)", "`torch.clamp(x, min, max)`",
            "the gradient passes to x where min ≤ x ≤ max, bounds included, and to a tensor bound where it is chosen (as PyTorch's clamp backward)"),
        new("permute", ["x", "dims"], c => Ops.Permute(c.Arg(0), Axes(c, 1)),
            "the axes reordered: output axis k is x's axis dims[k] (negative from the end)", "`x.permute(dims)`"),
    ];

    /// <summary>
    /// clamp or clip: with number bounds (constants) the element-wise clamp; with a tensor bound, or
    /// one a gradient can be asked for, PyTorch's clamp of tensors, broadcast, each bound taking
    /// its part of the gradient.
    /// </summary>
    private static Node Clamp(CallContext c, Node? min, Node? max)
    {
        static bool Number(Node? bound) => bound is null || (bound.Value.IsScalarLike && bound.Value.Rank == 0 && !bound.RequiresGrad);
        return Number(min) && Number(max)
            ? Ops.Clip(c.Arg(0), min?.Value.Data[0] ?? double.NegativeInfinity, max?.Value.Data[0] ?? double.PositiveInfinity)
            : Ops.Clamp(c.Arg(0), min, max);
    }

    /// <summary>What joining the list makes: the sum of its parts.</summary>
    private static Cost Joined(CallContext c, string what)
    {
        var elements = c.Items(0).Sum(n => (double)n.Value.Count);
        return new Cost(what, elements, elements);
    }

    private static Cost Sized(CallContext c, string what)
    {
        var elements = c.Shape(0).Aggregate(1.0, (p, d) => p * d);
        return new Cost(what, elements, elements);
    }

    private static int Size(CallContext c, int i)
    {
        var n = c.Whole(i, 0);
        return n >= 0 ? n : throw new ExpressionException($"a size must not be negative, got {n}", c.Raw(i)!.StartColumn);
    }

    private static Tensor Eye(int n, int m)
    {
        var eye = Tensor.Zeros([n, m]);
        for (var i = 0; i < Math.Min(n, m); i++)
        {
            eye.Data[(i * m) + i] = 1;
        }

        return eye;
    }

    /// <summary>The number of classes: n, or the largest index + 1 for n = −1 (PyTorch's default).</summary>
    private static int Classes(CallContext c)
    {
        var n = c.Whole(1, -1);
        if (n == -1)
        {
            var idx = c.Arg(0).Value;
            return idx.Count == 0 ? 0 : (int)Math.Min(Limits.MaxTensorElements, Math.Max(0, idx.Data.Max()) + 1);
        }

        return n >= 0 ? n : throw new ExpressionException($"the number of classes must be -1 or at least 0, got {n}", c.Raw(1)!.StartColumn);
    }

    private static Node ClassIndices(CallContext c) =>
        IndexEvaluation.Positions(c.Arg(0), Classes(c), negative: false, c.Raw(0)!, $"{Classes(c)} classes");

    private static Node Embedding(CallContext c)
    {
        var table = c.Arg(0).Value;
        if (table.Rank != 2)
        {
            throw new ExpressionException($"embedding's table W is (num, dim), got shape {table.ShapeText}", c.Raw(0)!.StartColumn);
        }

        return Ops.Embedding(c.Arg(0), IndexEvaluation.Positions(c.Arg(1), table.Shape[0], negative: false, c.Raw(1)!, $"a table of {table.Shape[0]} rows"));
    }

    /// <summary>Argument i as a list of whole axis numbers (one number counts as a list of one).</summary>
    private static int[] Axes(CallContext c, int i)
    {
        var v = c.Arg(i).Value;
        if (v.Rank > 1 || v.Data.Any(d => d != Math.Floor(d) || Math.Abs(d) > Limits.MaxTensorRank))
        {
            throw new ExpressionException($"dims is a list of whole axis numbers, got {v}", c.Raw(i)!.StartColumn);
        }

        return [.. v.Data.Select(d => (int)d)];
    }
}
