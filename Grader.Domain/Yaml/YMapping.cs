namespace Grader.Domain.Yaml;

/// <summary>A YAML mapping with scalar keys, in document order.</summary>
public sealed record YMapping(IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries, SourcePosition Start) : YNode(Start)
{
    /// <inheritdoc />
    public override string Kind => "a mapping";

    /// <summary>The value under a key, or null.</summary>
    public YNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key).Value;
}
