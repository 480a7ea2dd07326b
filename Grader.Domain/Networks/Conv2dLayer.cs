using Grader.Reference;

namespace Grader.Domain.Networks;

/// <summary>A convolution layer on (C, H, W): F·C·kH·kW weights plus F biases; stride and padding per axis.</summary>
public sealed record Conv2dLayer(int Filters, int KernelHeight, int KernelWidth, Size2 Stride, Size2 Padding, bool Bias) : Layer
{
    /// <inheritdoc />
    public override string Describe() =>
        $"conv2d {Filters} filters {KernelHeight}x{KernelWidth}, stride {Stride}, padding {Padding}" + (Bias ? "" : ", no bias");

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        if (input.Length != 3)
        {
            throw new ArchitectureException($"conv2d needs a (C, H, W) input, got {Tensor.FormatShape(input)}");
        }

        try
        {
            return [Filters,
                new Window(KernelHeight, Stride.H, Padding.H).OutputLength(input[1], "conv2d height"),
                new Window(KernelWidth, Stride.W, Padding.W).OutputLength(input[2], "conv2d width")];
        }
        catch (ShapeException ex)
        {
            throw new ArchitectureException(ex.Message);
        }
    }

    /// <inheritdoc />
    public override long Parameters(int[] input) =>
        checked(((long)Filters * input[0] * KernelHeight * KernelWidth) + (Bias ? Filters : 0));
}
