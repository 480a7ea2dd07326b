namespace Grader.Domain.Expressions;

/// <summary>
/// A function's parameter names in order, of which the first <see cref="Required"/> must be given
/// and the first <see cref="Positional"/> may be given by position (the rest only by name).
/// </summary>
public sealed record FunctionSignature(int Required, params string[] Parameters)
{
    /// <summary>How many leading parameters may be given by position; the rest are keyword-only.</summary>
    public int Positional { get; init; } = Parameters.Length;

    /// <summary>
    /// True when positional arguments past the last parameter gather into it as a list, as
    /// <c>torch.zeros(2, 3)</c> takes its sizes one by one (<c>zeros(2, 3)</c> is <c>zeros([2, 3])</c>).
    /// </summary>
    public bool Variadic { get; init; }

    /// <summary>Keyword aliases: another name for a parameter (<c>dim</c> for <c>axis</c>).</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    /// <summary>The position of a keyword argument's parameter, by its name or an alias, or −1.</summary>
    public int IndexOf(string keyword) =>
        Array.IndexOf(Parameters, Aliases.TryGetValue(keyword, out var name) ? name : keyword);
}
