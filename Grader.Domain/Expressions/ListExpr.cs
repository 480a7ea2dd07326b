namespace Grader.Domain.Expressions;

/// <summary>A list literal <c>[a, b, …]</c>; nested lists make tensors.</summary>
public sealed record ListExpr(IReadOnlyList<Expr> Items, int Column) : Expr(Column);
