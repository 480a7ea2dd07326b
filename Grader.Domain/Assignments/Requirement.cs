using Grader.Domain.Expressions;
using Grader.Reference;

namespace Grader.Domain.Assignments;

/// <summary>
/// A condition every student's variant must meet (<c>require: [data_loss > 0]</c>): two
/// expressions and a comparison, which holds when it holds for every element (a one-element side
/// is compared with every element of the other).
/// </summary>
public sealed record Requirement(string Text, Expr Left, string Operator, Expr Right, Located Where)
{
    /// <summary>The comparisons a requirement may use, longest first.</summary>
    public static readonly string[] Operators = [">=", "<=", "!=", "==", ">", "<"];

    /// <summary>True when the comparison holds for every element.</summary>
    public bool Holds(Tensor left, Tensor right)
    {
        if (!left.SameShape(right) && !left.IsScalarLike && !right.IsScalarLike)
        {
            throw new ShapeException($"requirement {Text} compares shapes {left.ShapeText} and {right.ShapeText}");
        }

        var count = Math.Max(left.Count, right.Count);
        for (var i = 0; i < count; i++)
        {
            var (l, r) = (left.Data[left.IsScalarLike ? 0 : i], right.Data[right.IsScalarLike ? 0 : i]);
            var ok = Operator switch
            {
                ">=" => l >= r,
                "<=" => l <= r,
                "!=" => l != r,
                "==" => l == r,
                ">" => l > r,
                _ => l < r,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
