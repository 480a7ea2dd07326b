namespace Grader.Domain.Expressions;

/// <summary>A function's parameter names in order, of which the first <see cref="Required"/> must be given.</summary>
public sealed record FunctionSignature(int Required, params string[] Parameters);
