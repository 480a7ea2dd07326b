namespace Grader.Domain.Expressions;

/// <summary>A node of a parsed expression; <see cref="Column"/> is 1-based in the expression's text.</summary>
public abstract record Expr(int Column);
