using Grader.Reference;

namespace Grader.Domain.Assignments;

/// <summary>How a value is obtained for one variant.</summary>
public abstract record ValueSpec
{
    /// <summary>True when the value differs between students.</summary>
    public abstract bool IsRandom { get; }

    /// <summary>The value for one variant, drawing from <paramref name="random"/> if needed.</summary>
    public abstract Tensor Draw(VariantRandom random);
}
