namespace Grader.Domain.Expressions;

/// <summary>A function's parameter: its name, and for an optional one its default as the documentation writes it.</summary>
public sealed record Parameter(string Name, string? Default = null)
{
    /// <summary>Other names the parameter answers to as a keyword (PyTorch's <c>dim</c> for <c>axis</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>True when the parameter must be given.</summary>
    public bool Required => Default is null;

    /// <summary>A required parameter.</summary>
    public static implicit operator Parameter(string name) => new(name);
}
