using Grader.Reference;

namespace Grader.Domain.Expressions;

/// <summary>
/// Evaluates <c>x[…]</c> (<see cref="IndexExpr"/>) with PyTorch's semantics, refusing at the
/// item's column what PyTorch refuses: too many indices, an index that is not a whole number or
/// is out of range, a slice bound that is not a whole number, a step that is not positive. The
/// result is reserved from the budget before it is made (an index list can repeat rows).
/// </summary>
internal static class IndexEvaluation
{
    /// <summary>The indexed node.</summary>
    public static Node Evaluate(IndexExpr e, Func<Expr, Node> evaluate, EvaluationBudget budget)
    {
        var x = evaluate(e.Target);
        var shape = x.Value.Shape;
        if (e.Items.Count > shape.Length)
        {
            throw new ExpressionException(
                $"{e.Items.Count} indices into a tensor of shape {x.Value.ShapeText}, which has {shape.Length} ax{(shape.Length == 1 ? "is" : "es")}",
                e.Items[shape.Length].StartColumn);
        }

        var items = new List<IndexItem>(e.Items.Count);
        var bounds = new List<Node>();
        var a = 0;
        foreach (var item in e.Items)
        {
            if (a >= shape.Length)
            {
                throw new ExpressionException($"too many indices into a tensor of shape {x.Value.ShapeText}: a mask takes as many axes as it has", item.StartColumn);
            }

            if (item is SliceExpr s)
            {
                items.Add(Slice(s, evaluate, bounds));
                a++;
                continue;
            }

            var index = evaluate(item);
            if (index.IsMask)
            {
                // PyTorch's bool index: a mask over the next axes, read as the positions where it holds (mask.nonzero()).
                items.AddRange(MaskPositions(index.Value, shape, a, item));
                a += index.Value.Rank;
                continue;
            }

            items.Add(IndexItem.Tensor(Positions(index, shape[a], negative: true, item, $"axis {a} of size {shape[a]}")));
            a++;
        }

        var result = Reference.Functions.Index.ShapeOf(shape, [.. items]);
        var elements = result.Aggregate(1.0, (p, d) => p * d);
        budget.Reserve("indexing", elements, elements);
        return Ops.Index(x, [.. items], bounds);
    }

    /// <summary>
    /// A mask's items: for a mask of rank k over axes <paramref name="first"/> … first + k − 1 (of
    /// those sizes, as PyTorch requires), one list of positions per axis, the positions where the
    /// mask holds in row-major order, so that they pair up as PyTorch's <c>mask.nonzero()</c> does.
    /// </summary>
    private static IEnumerable<IndexItem> MaskPositions(Tensor mask, int[] shape, int first, Expr at)
    {
        if (mask.Rank == 0)
        {
            throw new ExpressionException("a comparison of one element (a 0-d mask) cannot index; index with a mask of the tensor's shape, or use where", at.StartColumn);
        }

        if (first + mask.Rank > shape.Length || !mask.Shape.AsSpan().SequenceEqual(shape.AsSpan(first, mask.Rank)))
        {
            throw new ExpressionException(
                $"a mask of shape {mask.ShapeText} must match the indexed axes {first} to {first + mask.Rank - 1} of {Tensor.FormatShape(shape)} (as PyTorch's bool index)", at.StartColumn);
        }

        var held = Enumerable.Range(0, mask.Count).Where(i => mask.Data[i] != 0).ToArray();
        for (var d = 0; d < mask.Rank; d++)
        {
            var stride = mask.Shape.Skip(d + 1).Aggregate(1, (p, n) => p * n);
            var size = mask.Shape[d];
            yield return IndexItem.Tensor(Node.Constant(new Tensor([held.Length], [.. held.Select(i => (double)(i / stride % size))])));
        }
    }

    /// <summary>
    /// Checks that an index holds whole positions of an axis of <paramref name="size"/> (negative
    /// ones from the end when <paramref name="negative"/>), refusing at <paramref name="at"/>'s column.
    /// </summary>
    public static Node Positions(Node index, int size, bool negative, Expr at, string what)
    {
        foreach (var v in index.Value.Data)
        {
            if (v != Math.Floor(v) || !double.IsFinite(v))
            {
                throw new ExpressionException($"an index must be a whole number, got {v}", at.StartColumn);
            }

            if (v >= size || v < (negative ? -size : 0))
            {
                var range = negative ? $"{-size} to {size - 1}" : $"0 to {size - 1}";
                throw new ExpressionException($"index {v} is out of range for {what} (indices are 0-based: {range})", at.StartColumn);
            }
        }

        return index;
    }

    /// <summary>The slice's item; the nodes its bounds were read from, unless constant, are added to <paramref name="bounds"/>.</summary>
    private static IndexItem Slice(SliceExpr s, Func<Expr, Node> evaluate, List<Node> bounds)
    {
        var step = Bound(s.Step, evaluate, bounds) ?? 1;
        if (step <= 0)
        {
            throw new ExpressionException($"a slice's step must be positive, got {step} (as in PyTorch; flip reverses)", s.Step!.StartColumn);
        }

        return IndexItem.Slice(Bound(s.Start, evaluate, bounds), Bound(s.Stop, evaluate, bounds), step);
    }

    private static int? Bound(Expr? e, Func<Expr, Node> evaluate, List<Node> bounds)
    {
        if (e is null)
        {
            return null;
        }

        // A bound past either end is clamped (Python's rule), however far past it is.
        var node = evaluate(e);
        if (node.RequiresGrad)
        {
            bounds.Add(node);
        }

        var v = node.Value;
        return v.IsScalarLike && v.Data[0] == Math.Floor(v.Data[0]) && !double.IsNaN(v.Data[0])
            ? (int)Math.Clamp(v.Data[0], -int.MaxValue, int.MaxValue)
            : throw new ExpressionException($"a slice bound must be a whole number, got {(v.IsScalarLike ? v.Data[0] : "shape " + v.ShapeText)}", e.StartColumn);
    }
}
