namespace Grader.Domain.Yaml;

/// <summary>A YAML sequence.</summary>
public sealed record YSequence(IReadOnlyList<YNode> Items, SourcePosition Start) : YNode(Start)
{
    /// <inheritdoc />
    public override string Kind => "a list";
}
