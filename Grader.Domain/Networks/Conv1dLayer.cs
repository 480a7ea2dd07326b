using Grader.Reference;

namespace Grader.Domain.Networks;

/// <summary>A 1-D convolution layer on (C, L), as PyTorch's Conv1d: F·C·k weights plus F biases.</summary>
public sealed record Conv1dLayer(int Filters, int Kernel, int Stride, int Padding, bool Bias) : Layer
{
    /// <summary>PyTorch's <c>padding='same'</c>: the output keeps the input's length (stride 1).</summary>
    public bool Same { get; init; }

    /// <inheritdoc />
    public override string Describe() =>
        $"conv1d {Filters} filters of {Kernel}, stride {Stride}, padding {(Same ? "same" : Padding.ToString(System.Globalization.CultureInfo.InvariantCulture))}" + (Bias ? "" : ", no bias");

    /// <inheritdoc />
    public override int[] OutputShape(int[] input)
    {
        if (input.Length != 2)
        {
            throw new ArchitectureException($"conv1d needs a (C, L) input, got {Tensor.FormatShape(input)}");
        }

        if (Same)
        {
            return [Filters, input[1]];
        }

        try
        {
            return [Filters, new Window(Kernel, Stride, Padding).OutputLength(input[1], "conv1d length")];
        }
        catch (ShapeException ex)
        {
            throw new ArchitectureException(ex.Message);
        }
    }

    /// <inheritdoc />
    public override long Parameters(int[] input) =>
        checked(((long)Filters * input[0] * Kernel) + (Bias ? Filters : 0));
}
