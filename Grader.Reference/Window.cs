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
}
