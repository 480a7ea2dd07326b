namespace Grader.Domain;

/// <summary>A 1-based line and column in a source file.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The position <paramref name="offset"/> columns to the right.</summary>
    public SourcePosition Shift(int offset) => this with { Column = Column + offset };
}
