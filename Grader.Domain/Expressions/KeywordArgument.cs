namespace Grader.Domain.Expressions;

/// <summary>A keyword argument <c>name=value</c> of a call.</summary>
public sealed record KeywordArgument(string Name, Expr Value, int Column);
