namespace Grader.Domain.Expressions;

/// <summary>A function call with positional and keyword arguments.</summary>
public sealed record CallExpr(
    string Function,
    IReadOnlyList<Expr> Arguments,
    IReadOnlyList<KeywordArgument> Keywords,
    int Column) : Expr(Column);
