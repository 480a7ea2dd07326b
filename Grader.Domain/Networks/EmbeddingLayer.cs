namespace Grader.Domain.Networks;

/// <summary>
/// An embedding table of <see cref="Num"/> rows of <see cref="Dim"/> numbers (PyTorch's
/// <c>nn.Embedding(num, dim)</c>): an input of indices of any shape gains an axis of size dim;
/// num·dim parameters.
/// </summary>
public sealed record EmbeddingLayer(int Num, int Dim) : Layer
{
    /// <inheritdoc />
    public override string Describe() => $"embedding {Num}×{Dim}";

    /// <inheritdoc />
    public override int[] OutputShape(int[] input) => [.. input, Dim];

    /// <inheritdoc />
    public override long Parameters(int[] input) => checked((long)Num * Dim);
}
