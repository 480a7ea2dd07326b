using Grader.Reference;

namespace Grader.Domain.Networks;

/// <summary>
/// A convolution layer on (C, H, W), as PyTorch's Conv2d: F·(C/groups)·kH·kW weights plus F
/// biases; stride, padding and dilation per axis.
/// </summary>
public sealed record Conv2dLayer(int Filters, int KernelHeight, int KernelWidth, Size2 Stride, Size2 Padding, bool Bias) : Layer
{
    /// <summary>The spacing of the kernel's taps (1: adjacent).</summary>
    public Size2 Dilation { get; init; } = 1;

    /// <summary>The groups the channels and filters split into (the input channels for a depthwise convolution).</summary>
    public int Groups { get; init; } = 1;

    /// <summary>PyTorch's <c>padding='same'</c>: the output keeps the input's height and width (stride 1).</summary>
    public bool Same { get; init; }

    /// <inheritdoc />
    public override string Describe() =>
        $"conv2d {Filters} filters {KernelHeight}x{KernelWidth}, stride {Stride}, padding {(Same ? "same" : Padding.ToString())}"
        + (Dilation == new Size2(1, 1) ? "" : $", dilation {Dilation}") + (Groups == 1 ? "" : $", groups {Groups}") + (Bias ? "" : ", no bias");

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        if (input.Length != 3)
        {
            throw new ArchitectureException($"conv2d needs a (C, H, W) input, got {Tensor.FormatShape(input)}");
        }

        if (input[0] % Groups != 0 || Filters % Groups != 0)
        {
            throw new ArchitectureException($"conv2d: groups {Groups} must divide both the input channels {input[0]} and the filters {Filters}");
        }

        if (Same)
        {
            return [Filters, input[1], input[2]];
        }

        try
        {
            return [Filters,
                Window.Dilated(KernelHeight, Stride.H, Padding.H, Dilation.H, "conv2d height").OutputLength(input[1], "conv2d height"),
                Window.Dilated(KernelWidth, Stride.W, Padding.W, Dilation.W, "conv2d width").OutputLength(input[2], "conv2d width")];
        }
        catch (ShapeException ex)
        {
            throw new ArchitectureException(ex.Message);
        }
    }

    /// <inheritdoc />
    public override long Parameters(int[] input) =>
        checked(((long)Filters * (input[0] / Groups) * KernelHeight * KernelWidth) + (Bias ? Filters : 0));
}
