namespace Grader.Domain.Expressions;

/// <summary>A name: a constant (pi, e), a value, a graph node or a network.</summary>
public sealed record NameExpr(string Name, int Column) : Expr(Column);
