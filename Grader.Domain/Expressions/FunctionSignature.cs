namespace Grader.Domain.Expressions;

/// <summary>
/// A function's parameter names in order, of which the first <see cref="Required"/> must be given
/// and the first <see cref="Positional"/> may be given by position (the rest only by name).
/// </summary>
public sealed record FunctionSignature(int Required, params string[] Parameters)
{
    /// <summary>How many leading parameters may be given by position; the rest are keyword-only.</summary>
    public int Positional { get; init; } = Parameters.Length;

    /// <summary>Keyword aliases: another name for a parameter (<c>dim</c> for <c>axis</c>).</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    /// <summary>The position of a keyword argument's parameter, by its name or an alias, or −1.</summary>
    public int IndexOf(string keyword) =>
        Array.IndexOf(Parameters, Aliases.TryGetValue(keyword, out var name) ? name : keyword);
}
