namespace Grader.Domain.Expressions;

/// <summary>A quoted word, <c>"sum"</c> or <c>'sum'</c>: only an option's value, such as a loss's <c>reduction</c>.</summary>
public sealed record TextExpr(string Text, int Column) : Expr(Column);
