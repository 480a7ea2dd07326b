namespace Grader.Reference;

/// <summary>
/// The settings of a convolution, as PyTorch's <c>conv2d</c>: stride, zero padding and dilation
/// per axis, and the number of groups (the input channels and the filters split into groups
/// convolved separately).
/// </summary>
public sealed record ConvOptions(Size2 Stride, Size2 Padding, Size2 Dilation, int Groups = 1)
{
    /// <summary>Stride 1, no padding, no dilation, one group.</summary>
    public static readonly ConvOptions Default = new(1, 0, 1);

    /// <summary>
    /// PyTorch's <c>padding="same"</c> (stride 1 only): the output keeps the input's size, the
    /// dilated kernel's span less one padded with half before and the rest after (one more after
    /// for an even span). When set, <see cref="Padding"/> is not used.
    /// </summary>
    public bool Same { get; init; }

    /// <summary>A stride and padding, no dilation, one group.</summary>
    public ConvOptions(Size2 stride, Size2 padding)
        : this(stride, padding, 1)
    {
    }
}
