namespace Grader.Reference;

/// <summary>
/// A setting per axis of a 2-D window (kernel size, stride, padding, dilation, scale): height
/// and width. A single number stands for both, as PyTorch's <c>stride=2</c> for <c>(2, 2)</c>.
/// </summary>
public readonly record struct Size2(int H, int W)
{
    /// <summary>The same value along both axes.</summary>
    public static implicit operator Size2(int both) => new(both, both);

    /// <summary>The setting as PyTorch prints a single number or a pair, e.g. <c>2</c> or <c>[2, 1]</c>.</summary>
    public override string ToString() => H == W ? $"{H}" : $"[{H}, {W}]";
}
