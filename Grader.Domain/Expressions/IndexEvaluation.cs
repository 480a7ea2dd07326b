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

        var items = new IndexItem[e.Items.Count];
        var bounds = new List<Node>();
        for (var a = 0; a < items.Length; a++)
        {
            items[a] = e.Items[a] is SliceExpr s
                ? Slice(s, evaluate, bounds)
                : IndexItem.Tensor(Positions(evaluate(e.Items[a]), shape[a], negative: true, e.Items[a], $"axis {a} of size {shape[a]}"));
        }

        var result = Reference.Functions.Index.ShapeOf(shape, items);
        var elements = result.Aggregate(1.0, (p, d) => p * d);
        budget.Reserve("indexing", elements, elements);
        return Ops.Index(x, items, bounds);
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
