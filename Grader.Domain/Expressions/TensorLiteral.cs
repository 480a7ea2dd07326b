using Grader.Reference;

namespace Grader.Domain.Expressions;

/// <summary>
/// Builds a tensor from nested lists whose leaves are scalars, checking that the lists are not
/// ragged. The same walk serves list literals in expressions and nested YAML sequences.
/// </summary>
public static class TensorLiteral
{
    /// <summary>Builds the tensor of a list literal in an expression.</summary>
    public static Tensor Build(ListExpr list, Func<Expr, Tensor> leaf) =>
        Build(list, e => (e as ListExpr)?.Items, leaf, (e, message) => new ExpressionException(message, e.Column));

    /// <summary>Builds a tensor from any tree of nested lists.</summary>
    /// <param name="root">The outermost list.</param>
    /// <param name="children">The items of a list node, or null for a leaf.</param>
    /// <param name="leaf">The value of a leaf, which must hold one element.</param>
    /// <param name="error">Makes the exception for a problem at a node.</param>
    public static Tensor Build<T>(T root, Func<T, IReadOnlyList<T>?> children, Func<T, Tensor> leaf, Func<T, string, Exception> error)
    {
        var shape = new List<int>();
        var data = new List<double>();
        Walk(root, 0);
        return new Tensor([.. shape], [.. data]);

        void Walk(T node, int depth)
        {
            var items = children(node);
            if (items is not null)
            {
                if (depth >= Limits.MaxTensorRank)
                {
                    throw error(node, $"a tensor may have at most {Limits.MaxTensorRank} axes");
                }

                if (depth == shape.Count)
                {
                    if (data.Count > 0)
                    {
                        throw error(node, "ragged list: a list where earlier items at this depth are numbers");
                    }

                    shape.Add(items.Count);
                }
                else if (depth > shape.Count || shape[depth] != items.Count)
                {
                    throw error(node, $"ragged list: {items.Count} items where the first list at this depth has {shape[depth]}");
                }

                foreach (var item in items)
                {
                    Walk(item, depth + 1);
                }

                return;
            }

            if (depth != shape.Count)
            {
                throw error(node, "ragged list: a number where a list is expected");
            }

            var value = leaf(node);
            if (!value.IsScalarLike)
            {
                throw error(node, $"a list element must be a number, got shape {value.ShapeText}");
            }

            if (data.Count >= Limits.MaxTensorElements)
            {
                throw error(node, $"a tensor may hold at most {Limits.MaxTensorElements} elements");
            }

            data.Add(value.Data[0]);
        }
    }
}
