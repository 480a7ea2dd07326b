using Grader.Reference;

namespace Grader.Domain.Networks;

/// <summary>A max or average pooling layer on (C, H, W), window, stride and padding per axis; it learns nothing.</summary>
public sealed record Pool2dLayer(string Kind, Size2 Size, Size2 Stride, Size2 Padding) : Layer
{
    /// <inheritdoc />
    public override string Describe() => $"{Kind} {Size.H}x{Size.W}, stride {Stride}, padding {Padding}";

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        if (input.Length != 3)
        {
            throw new ArchitectureException($"{Kind} needs a (C, H, W) input, got {Tensor.FormatShape(input)}");
        }

        if (2 * Padding.H > Size.H || 2 * Padding.W > Size.W)
        {
            var (p, k) = 2 * Padding.H > Size.H ? (Padding.H, Size.H) : (Padding.W, Size.W);
            throw new ArchitectureException($"padding {p} must be at most half the window size {k}");
        }

        try
        {
            return [input[0],
                new Window(Size.H, Stride.H, Padding.H).OutputLength(input[1], Kind + " height"),
                new Window(Size.W, Stride.W, Padding.W).OutputLength(input[2], Kind + " width")];
        }
        catch (ShapeException ex)
        {
            throw new ArchitectureException(ex.Message);
        }
    }

    /// <inheritdoc />
    public override long Parameters(int[] input) => 0;
}
