namespace Grader.Domain.Yaml;

/// <summary>A document that cannot be read as safe YAML; carries the position of the problem.</summary>
public sealed class YamlFormatException(SourcePosition position, string message) : Exception(message)
{
    /// <summary>Where the problem is.</summary>
    public SourcePosition Position { get; } = position;
}
