namespace Grader.Domain.Networks;

/// <summary>Dropout with probability p: the shape is unchanged and nothing is learnt.</summary>
public sealed record DropoutLayer(double P) : Layer
{
    /// <inheritdoc />
    public override string Describe() => $"dropout {P}";

    /// <inheritdoc />
    public override int[] OutputShape(int[] input) => input;

    /// <inheritdoc />
    public override long Parameters(int[] input) => 0;
}
