using System.Globalization;

namespace Grader.Domain.Expressions;

/// <summary>
/// A canonical text of an expression, fully parenthesised, so that two expressions written with
/// different spacing or redundant parentheses compare equal.
/// </summary>
public static class ExprText
{
    /// <summary>The canonical text.</summary>
    public static string Of(Expr e) => e switch
    {
        NumberExpr n => n.Value.ToString("R", CultureInfo.InvariantCulture),
        NameExpr n => n.Name,
        TextExpr t => "\"" + t.Text + "\"",
        ListExpr l => "[" + string.Join(", ", l.Items.Select(Of)) + "]",
        UnaryExpr u => $"({u.Operator}{Of(u.Operand)})",
        BinaryExpr b => $"({Of(b.Left)} {Spelling(b.Operator)} {Of(b.Right)})",
        CallExpr c => c.Function + "(" + string.Join(", ", c.Arguments.Select(Of).Concat(c.Keywords.Select(k => k.Name + "=" + Of(k.Value)))) + ")",
        IndexExpr i => Of(i.Target) + "[" + string.Join(", ", i.Items.Select(Of)) + "]",
        SliceExpr s => (s.Start is null ? "" : Of(s.Start)) + ":" + (s.Stop is null ? "" : Of(s.Stop)) + (s.Step is null ? "" : ":" + Of(s.Step)),
        _ => "?",
    };

    /// <summary>An operator as it is written: the comparisons kept as one character are spelt out.</summary>
    public static string Spelling(char op) => op switch
    {
        '≤' => "<=",
        '≥' => ">=",
        '≡' => "==",
        '≠' => "!=",
        _ => op.ToString(),
    };

    /// <summary>Every sub-expression, the expression itself first; <paramref name="prune"/> skips a node and everything under it.</summary>
    public static IEnumerable<Expr> Walk(Expr e, Func<Expr, bool>? prune = null)
    {
        if (prune?.Invoke(e) == true)
        {
            yield break;
        }

        yield return e;
        IEnumerable<Expr> children = e switch
        {
            ListExpr l => l.Items,
            UnaryExpr u => [u.Operand],
            BinaryExpr b => [b.Left, b.Right],
            CallExpr c => c.Arguments.Concat(c.Keywords.Select(k => k.Value)),
            IndexExpr i => [i.Target, .. i.Items],
            SliceExpr s => new[] { s.Start, s.Stop, s.Step }.OfType<Expr>(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var d in Walk(child, prune))
            {
                yield return d;
            }
        }
    }

    /// <summary>The names an expression mentions.</summary>
    public static IEnumerable<string> Names(Expr e) => Walk(e).OfType<NameExpr>().Select(n => n.Name);

    /// <summary>Rebuilds an expression bottom-up, letting <paramref name="rewrite"/> replace any node.</summary>
    public static Expr Rewrite(Expr e, Func<Expr, Expr> rewrite)
    {
        var rebuilt = e switch
        {
            ListExpr l => l with { Items = [.. l.Items.Select(i => Rewrite(i, rewrite))] },
            UnaryExpr u => u with { Operand = Rewrite(u.Operand, rewrite) },
            BinaryExpr b => b with { Left = Rewrite(b.Left, rewrite), Right = Rewrite(b.Right, rewrite) },
            CallExpr c => c with
            {
                Arguments = [.. c.Arguments.Select(a => Rewrite(a, rewrite))],
                Keywords = [.. c.Keywords.Select(k => k with { Value = Rewrite(k.Value, rewrite) })],
            },
            IndexExpr i => i with { Target = Rewrite(i.Target, rewrite), Items = [.. i.Items.Select(x => Rewrite(x, rewrite))] },
            SliceExpr s => s with
            {
                Start = s.Start is null ? null : Rewrite(s.Start, rewrite),
                Stop = s.Stop is null ? null : Rewrite(s.Stop, rewrite),
                Step = s.Step is null ? null : Rewrite(s.Step, rewrite),
            },
            _ => e,
        };
        return rewrite(rebuilt);
    }
}
