using Grader.Reference;

namespace Grader.Domain.Networks;

/// <summary>A max or average pooling layer on (C, H, W); it learns nothing.</summary>
public sealed record Pool2dLayer(string Kind, int Size, int Stride, int Padding) : Layer
{
    /// <inheritdoc />
    public override string Describe() => $"{Kind} {Size}x{Size}, stride {Stride}, padding {Padding}";

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        if (input.Length != 3)
        {
            throw new ArchitectureException($"{Kind} needs a (C, H, W) input, got {Tensor.FormatShape(input)}");
        }

        if (2 * Padding > Size)
        {
            throw new ArchitectureException($"padding {Padding} must be at most half the window size {Size}");
        }

        try
        {
            var window = new Window(Size, Stride, Padding);
            return [input[0], window.OutputLength(input[1], Kind + " height"), window.OutputLength(input[2], Kind + " width")];
        }
        catch (ShapeException ex)
        {
            throw new ArchitectureException(ex.Message);
        }
    }

    /// <inheritdoc />
    public override long Parameters(int[] input) => 0;
}
