namespace Grader.Domain.Networks;

/// <summary>A fully connected layer on the last axis (as PyTorch's Linear): n_in·units weights plus units biases.</summary>
public sealed record DenseLayer(int Units, bool Bias = true) : Layer
{
    /// <inheritdoc />
    public override string Describe() => $"dense {Units}" + (Bias ? "" : " (no bias)");

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        if (input.Length == 0)
        {
            throw new ArchitectureException("dense needs an input with at least one axis");
        }

        return [.. input[..^1], Units];
    }

    /// <inheritdoc />
    public override long Parameters(int[] input) => checked(((long)input[^1] * Units) + (Bias ? Units : 0));
}
