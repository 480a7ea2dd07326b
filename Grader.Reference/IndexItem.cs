namespace Grader.Reference;

/// <summary>
/// One entry of an index <c>x[…]</c>, applied to the next axis of x: a whole number
/// (<see cref="IndexAt"/>, the axis is dropped), a slice (<see cref="IndexSlice"/>, the axis is
/// kept) or a tensor of indices (<see cref="IndexTensor"/>, PyTorch's advanced indexing).
/// </summary>
public abstract record IndexItem
{
    /// <summary>The entry <c>i</c>: one position of the axis (negative from the end).</summary>
    public static IndexItem At(int index) => new IndexAt(index);

    /// <summary>The entry <c>start:stop:step</c> (Python's rules: negative bounds count from the end, bounds are clamped).</summary>
    public static IndexItem Slice(int? start = null, int? stop = null, int step = 1) => new IndexSlice(start, stop, step);

    /// <summary>The entry <c>idx</c>: a tensor of whole positions (negative from the end).</summary>
    public static IndexItem Tensor(Node indices) => new IndexTensor(indices);
}
