using System.Globalization;
using Grader.Domain.Expressions;

namespace Grader.Domain.Graphs;

/// <summary>Writes an expression as a person would (<c>w @ x</c>, <c>sin(s)</c>, <c>-m</c>), with parentheses only where needed.</summary>
public static class GraphText
{
    /// <summary>The text of an expression.</summary>
    public static string Of(Expr e) => Write(e, 0);

    private static int Precedence(char op) => op switch { '+' or '-' => 1, '*' or '/' or '@' => 2, '^' => 4, _ => 5 };

    private static string Write(Expr e, int outer)
    {
        switch (e)
        {
            case NumberExpr n:
                return n.Value.ToString("R", CultureInfo.InvariantCulture);
            case NameExpr n:
                return n.Name;
            case TextExpr t:
                return "\"" + t.Text + "\"";
            case ListExpr l:
                return "[" + string.Join(", ", l.Items.Select(i => Write(i, 0))) + "]";
            case UnaryExpr u:
                var inner = u.Operator + Write(u.Operand, 3);
                return outer > 3 ? $"({inner})" : inner;
            case BinaryExpr b:
                var p = Precedence(b.Operator);
                var right = b.Operator == '^' ? Write(b.Right, p) : Write(b.Right, p + 1);
                var left = b.Operator == '^' ? Write(b.Left, p + 1) : Write(b.Left, p);
                var text = $"{left} {b.Operator} {right}";
                return p < outer ? $"({text})" : text;
            case CallExpr c:
                return c.Function + "(" + string.Join(", ", c.Arguments.Select(a => Write(a, 0)).Concat(c.Keywords.Select(k => k.Name + "=" + Write(k.Value, 0)))) + ")";
            default:
                return "?";
        }
    }
}
