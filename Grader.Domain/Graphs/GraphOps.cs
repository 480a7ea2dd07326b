using Grader.Domain.Expressions;

namespace Grader.Domain.Graphs;

/// <summary>
/// What counts as an operation in a graph node: each operator and each function call of the
/// expression language. Constants (numbers, <c>pi</c>, lists of numbers, and anything computed
/// from constants alone), names and indexed leaves are free.
/// </summary>
public static class GraphOps
{
    /// <summary>The operations an expression does, innermost first (<c>sin(w @ x) - b</c>: @, sin, -).</summary>
    public static List<string> Of(Expr e)
    {
        var ops = new List<string>();
        Collect(e, ops);
        return ops;
    }

    /// <summary>True when the expression mentions no name but the constants pi and e.</summary>
    public static bool IsConstant(Expr e) => ExprText.Names(e).All(n => Builtins.Constant(n) is not null);

    /// <summary>The operation an expression's top does (<c>+</c>, <c>sin</c>, <c>-</c> for negation), or null for a name or constant.</summary>
    public static string? Top(Expr e) => IsConstant(e) ? null : e switch
    {
        BinaryExpr b => b.Operator.ToString(),
        UnaryExpr { Operator: '-' } => "-",
        UnaryExpr u => Top(u.Operand),
        CallExpr c => c.Function,
        ListExpr => "[…]",
        _ => null,
    };

    /// <summary>"one", "two", … for counts in messages.</summary>
    public static string Count(int n) => n switch
    {
        1 => "one", 2 => "two", 3 => "three", 4 => "four", 5 => "five", 6 => "six", 7 => "seven", 8 => "eight", 9 => "nine",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A list of words joined as "a, b and c".</summary>
    public static string Join(IReadOnlyList<string> words) =>
        words.Count <= 1 ? string.Concat(words) : string.Join(", ", words.Take(words.Count - 1)) + " and " + words[^1];

    private static void Collect(Expr e, List<string> ops)
    {
        if (IsConstant(e))
        {
            return;
        }

        switch (e)
        {
            case BinaryExpr b:
                Collect(b.Left, ops);
                Collect(b.Right, ops);
                ops.Add(b.Operator.ToString());
                break;
            case UnaryExpr u:
                Collect(u.Operand, ops);
                if (u.Operator == '-')
                {
                    ops.Add("-");
                }

                break;
            case CallExpr c:
                foreach (var a in c.Arguments.Concat(c.Keywords.Select(k => k.Value)))
                {
                    Collect(a, ops);
                }

                ops.Add(c.Function);
                break;
            case ListExpr l:
                foreach (var item in l.Items)
                {
                    Collect(item, ops);
                }

                ops.Add("[…]");
                break;
        }
    }
}
