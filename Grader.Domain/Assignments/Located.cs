using Grader.Domain.Yaml;

namespace Grader.Domain.Assignments;

/// <summary>Where an expression was written: the scalar that holds it, to map its columns back to the file.</summary>
public sealed record Located(YScalar Scalar)
{
    /// <summary>The file position of a 1-based column of the expression.</summary>
    public SourcePosition At(int column) => Scalar.PositionOf(column);
}
