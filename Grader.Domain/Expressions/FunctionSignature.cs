namespace Grader.Domain.Expressions;

/// <summary>
/// A function's parameter names in order, of which the first <see cref="Required"/> must be given
/// and the first <see cref="Positional"/> may be given by position (the rest only by name).
/// </summary>
public sealed record FunctionSignature(int Required, params string[] Parameters)
{
    /// <summary>How many leading parameters may be given by position; the rest are keyword-only.</summary>
    public int Positional { get; init; } = Parameters.Length;
}
