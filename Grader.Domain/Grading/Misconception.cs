using Grader.Domain.Expressions;

namespace Grader.Domain.Grading;

/// <summary>
/// A known mistake, as a rewriting of the question's answer expression and the feedback that
/// names it. When a wrong answer equals the rewritten expression's value, the feedback says so.
/// </summary>
public sealed record Misconception(string Feedback, Func<Expr, Expr?> Rewrite)
{
    /// <summary>The mistakes the grader recognises.</summary>
    public static readonly IReadOnlyList<Misconception> Known =
    [
        new(
            "your answer is the convolution with the kernel flipped (textbook convolution); here conv2d is cross-correlation: slide the kernel as it is, without rotating it",
            e => Changed(e, x => x is CallExpr { Function: "conv2d", Arguments.Count: >= 2 } c
                ? c with { Arguments = [c.Arguments[0], new CallExpr("flip", [c.Arguments[1]], [], c.Column), .. c.Arguments.Skip(2)] }
                : x)),
        new(
            "your update moves along the gradient: a gradient-descent step subtracts step × gradient",
            e => Changed(e, x => x is BinaryExpr { Operator: '-' } b && ExprText.Walk(b.Right).Any(d => d is CallExpr { Function: "grad" })
                ? b with { Operator = '+' }
                : x)),
        new(
            "your answer pools with overlapping windows (stride 1); here the stride equals the window size",
            e => Changed(e, x => x is CallExpr { Function: "maxpool2d" or "avgpool2d" } c && c.Arguments.Count < 3 && c.Keywords.All(k => k.Name != "stride")
                ? c with { Keywords = [.. c.Keywords, new KeywordArgument("stride", new NumberExpr(1, c.Column), c.Column)] }
                : x)),
        new(
            "your answer pools with non-overlapping windows; here the windows move by stride 1",
            e => Changed(e, x => x is CallExpr { Function: "maxpool2d" or "avgpool2d" } c && c.Keywords.Any(k => k.Name == "stride" && k.Value is NumberExpr { Value: 1 })
                ? c with { Keywords = [.. c.Keywords.Where(k => k.Name != "stride")] }
                : x)),
    ];

    private static Expr? Changed(Expr e, Func<Expr, Expr> rewrite)
    {
        var rewritten = ExprText.Rewrite(e, rewrite);
        return ExprText.Of(rewritten) == ExprText.Of(e) ? null : rewritten;
    }
}
