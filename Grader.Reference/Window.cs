namespace Grader.Reference;

/// <summary>
/// The geometry of a sliding window (convolution or pooling) along one axis:
/// output size floor((n + 2p − k) / s) + 1. Padding is at most the larger of the input length
/// and k − 1 (the "full" convolution): more adds nothing but zeros, and would let a tiny input ask
/// for a huge output (the output side stays below 3n + 2k).
/// </summary>
public readonly record struct Window(int Size, int Stride, int Padding)
{
    /// <summary>The number of window positions over an input of length n.</summary>
    public int OutputLength(int n, string what)
    {
        if (Size < 1)
        {
            throw new ShapeException($"{what}: window size must be at least 1, got {Size}");
        }

        if (Stride < 1)
        {
            throw new ShapeException($"{what}: stride must be at least 1, got {Stride}");
        }

        if (Padding < 0)
        {
            throw new ShapeException($"{what}: padding must not be negative, got {Padding}");
        }

        if (Padding > n && Padding >= Size)
        {
            throw new ShapeException($"{what}: padding {Padding} must be at most the input size {n} or the window size less one {Size - 1}");
        }

        if (n + (2L * Padding) < Size)
        {
            throw new ShapeException($"{what}: window {Size} does not fit an input of {n} with padding {Padding}");
        }

        return (int)(((n + (2L * Padding) - Size) / Stride) + 1);
    }

    /// <summary>
    /// The window of a kernel of <paramref name="size"/> taps dilated by <paramref name="dilation"/>:
    /// it spans d·(k − 1) + 1 cells.
    /// </summary>
    public static Window Dilated(int size, int stride, int padding, int dilation, string what)
    {
        if (dilation < 1)
        {
            throw new ShapeException($"{what}: dilation must be at least 1, got {dilation}");
        }

        if (size < 1)
        {
            throw new ShapeException($"{what}: window size must be at least 1, got {size}");
        }

        var span = ((long)dilation * (size - 1)) + 1;
        return span > int.MaxValue
            ? throw new ShapeException($"{what}: a kernel of {size} dilated by {dilation} is too large")
            : new Window((int)span, stride, padding);
    }

    /// <summary>
    /// The output length of the transposed window over an input of length n (PyTorch's
    /// <c>conv_transpose</c>): (n − 1)·s − 2p + span + output_padding, the input length of the
    /// window whose <see cref="OutputLength"/> is n. The output padding must be smaller than the
    /// stride or the dilation, as in PyTorch.
    /// </summary>
    public int TransposedLength(int n, int outputPadding, int dilation, string what)
    {
        if (Stride < 1)
        {
            throw new ShapeException($"{what}: stride must be at least 1, got {Stride}");
        }

        if (Padding < 0)
        {
            throw new ShapeException($"{what}: padding must not be negative, got {Padding}");
        }

        if (outputPadding < 0 || (outputPadding >= Stride && outputPadding >= dilation))
        {
            throw new ShapeException($"{what}: output_padding must be smaller than the stride or the dilation, got output_padding {outputPadding}, stride {Stride} and dilation {dilation}");
        }

        var length = ((long)(n - 1) * Stride) - (2L * Padding) + Size + outputPadding;
        return length < 1
            ? throw new ShapeException($"{what}: an input of {n} with stride {Stride}, padding {Padding} and a window of {Size} gives an output of {length}; it must be at least 1")
            : length > int.MaxValue
                ? throw new ShapeException($"{what}: the output would be too large")
                : (int)length;
    }
}
