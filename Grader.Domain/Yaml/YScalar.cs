namespace Grader.Domain.Yaml;

/// <summary>A YAML scalar. <see cref="Quoted"/> is true for '…' and "…" scalars.</summary>
public sealed record YScalar(string Value, SourcePosition Start, bool Quoted, bool SingleLine) : YNode(Start)
{
    /// <inheritdoc />
    public override string Kind => "a scalar";

    /// <summary>
    /// The source position of a 1-based column inside the scalar's text, when the scalar is
    /// written on one line; otherwise the scalar's start.
    /// </summary>
    public SourcePosition PositionOf(int column) =>
        SingleLine ? Start.Shift((Quoted ? 1 : 0) + Math.Max(column, 1) - 1) : Start;
}
