using Grader.Reference;

namespace Grader.Domain.Assignments;

/// <summary>A value written out in the assignment.</summary>
public sealed record FixedValue(Tensor Value) : ValueSpec
{
    /// <inheritdoc />
    public override bool IsRandom => false;

    /// <inheritdoc />
    public override Tensor Draw(VariantRandom random) => Value;
}
