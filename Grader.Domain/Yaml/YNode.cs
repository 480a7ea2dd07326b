namespace Grader.Domain.Yaml;

/// <summary>A node of a YAML document with the position where it starts.</summary>
public abstract record YNode(SourcePosition Start)
{
    /// <summary>What kind of node this is, for messages.</summary>
    public abstract string Kind { get; }
}
