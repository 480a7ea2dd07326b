namespace Grader.Domain.Yaml;

/// <summary>A document that cannot be read as safe YAML; carries the position of the problem.</summary>
public sealed class YamlFormatException(SourcePosition position, string message) : Exception(message)
{
    /// <summary>Where the problem is.</summary>
    public SourcePosition Position { get; } = position;

    /// <summary>
    /// True when the message itself says where the problem is in the student's terms ("row 2,
    /// column 1 is empty"), so an answer typed in a field is not also given a column of its text.
    /// </summary>
    public bool SaysWhere { get; init; }
}
