using Grader.Reference;

namespace Grader.Domain.Networks;

/// <summary>
/// A transposed convolution layer on (C, H, W), as PyTorch's ConvTranspose2d: C·F·kH·kW weights
/// (laid out (C, F, kH, kW)) plus F biases; output side (n − 1)·s − 2p + k + output_padding.
/// </summary>
public sealed record ConvTranspose2dLayer(int Filters, int KernelHeight, int KernelWidth, Size2 Stride, Size2 Padding, Size2 OutputPadding, bool Bias) : Layer
{
    /// <inheritdoc />
    public override string Describe() =>
        $"conv_transpose2d {Filters} filters {KernelHeight}x{KernelWidth}, stride {Stride}, padding {Padding}, output_padding {OutputPadding}" + (Bias ? "" : ", no bias");

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        if (input.Length != 3)
        {
            throw new ArchitectureException($"conv_transpose2d needs a (C, H, W) input, got {Tensor.FormatShape(input)}");
        }

        try
        {
            return [Filters,
                new Window(KernelHeight, Stride.H, Padding.H).TransposedLength(input[1], OutputPadding.H, 1, "conv_transpose2d height"),
                new Window(KernelWidth, Stride.W, Padding.W).TransposedLength(input[2], OutputPadding.W, 1, "conv_transpose2d width")];
        }
        catch (ShapeException ex)
        {
            throw new ArchitectureException(ex.Message);
        }
    }

    /// <inheritdoc />
    public override long Parameters(int[] input) =>
        checked(((long)input[0] * Filters * KernelHeight * KernelWidth) + (Bias ? Filters : 0));
}
