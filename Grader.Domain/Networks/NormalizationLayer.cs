namespace Grader.Domain.Networks;

/// <summary>
/// Batch or layer normalisation: the shape is unchanged; γ and β are learnt, one each per channel
/// (batchnorm: the first axis of (C, H, W) or (C, L), the only axis of (D)) or per feature of the
/// last axis (layernorm). Running statistics are not parameters, as in PyTorch's <c>parameters()</c>.
/// </summary>
public sealed record NormalizationLayer(string Kind) : Layer
{
    /// <inheritdoc />
    public override string Describe() => Kind;

    /// <inheritdoc />
    public override int[] OutputShape(int[] input) =>
        input.Length == 0 ? throw new ArchitectureException($"{Kind} needs an input with at least one axis") : input;

    /// <inheritdoc />
    public override long Parameters(int[] input) => 2L * (Kind == "batchnorm" ? input[0] : input[^1]);
}
