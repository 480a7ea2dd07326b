namespace Grader.Domain.Networks;

/// <summary>Flattens its input to one axis.</summary>
public sealed record FlattenLayer : Layer
{
    /// <inheritdoc />
    public override string Describe() => "flatten";

    /// <inheritdoc />
    public override int[] OutputShape(int[] input) =>
        [(int)Math.Min(int.MaxValue, input.Aggregate(1L, (a, b) => Math.Min(a * b, int.MaxValue)))];

    /// <inheritdoc />
    public override long Parameters(int[] input) => 0;
}
