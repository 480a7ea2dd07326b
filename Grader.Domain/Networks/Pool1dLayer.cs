using Grader.Reference;

namespace Grader.Domain.Networks;

/// <summary>A max or average pooling layer on (C, L); it learns nothing.</summary>
public sealed record Pool1dLayer(string Kind, int Size, int Stride, int Padding) : Layer
{
    /// <inheritdoc />
    public override string Describe() => $"{Kind} {Size}, stride {Stride}, padding {Padding}";

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        if (input.Length != 2)
        {
            throw new ArchitectureException($"{Kind} needs a (C, L) input, got {Tensor.FormatShape(input)}");
        }

        if (2 * Padding > Size)
        {
            throw new ArchitectureException($"padding {Padding} must be at most half the window size {Size}");
        }

        try
        {
            return [input[0], new Window(Size, Stride, Padding).OutputLength(input[1], Kind + " length")];
        }
        catch (ShapeException ex)
        {
            throw new ArchitectureException(ex.Message);
        }
    }

    /// <inheritdoc />
    public override long Parameters(int[] input) => 0;
}
