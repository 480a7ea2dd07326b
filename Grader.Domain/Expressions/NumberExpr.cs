namespace Grader.Domain.Expressions;

/// <summary>A number literal.</summary>
public sealed record NumberExpr(double Value, int Column) : Expr(Column);
