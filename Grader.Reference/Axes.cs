namespace Grader.Reference;

/// <summary>
/// The axes a reduction runs over (PyTorch's <c>dim</c>): a list of axes, negative ones counted from
/// the end, with the reduced shape (each reduced axis dropped, or kept as 1) and, for every input
/// element, the flat index of the output element it falls into.
/// </summary>
public sealed class Axes
{
    private Axes(int[] inputShape, bool[] reduced, bool keepDims)
    {
        InputShape = inputShape;
        Reduced = reduced;
        KeepDims = keepDims;
        OutputShape = [.. inputShape.Select((d, a) => reduced[a] ? (keepDims ? 1 : -1) : d).Where(d => d >= 0)];
        KeptShape = [.. inputShape.Select((d, a) => reduced[a] ? 1 : d)];
        Count = inputShape.Where((_, a) => reduced[a]).Aggregate(1, (n, d) => n * d);
        Map = Broadcasting.InverseMap(inputShape, KeptShape);
    }

    /// <summary>The shape reduced.</summary>
    public int[] InputShape { get; }

    /// <summary>For each input axis, whether it is reduced.</summary>
    public bool[] Reduced { get; }

    /// <summary>Whether reduced axes stay as size 1.</summary>
    public bool KeepDims { get; }

    /// <summary>The result's shape.</summary>
    public int[] OutputShape { get; }

    /// <summary>The result's shape with every reduced axis kept as 1 (it broadcasts back to the input).</summary>
    public int[] KeptShape { get; }

    /// <summary>How many input elements each output element reduces.</summary>
    public int Count { get; }

    /// <summary>For each input element, the flat index of its output element.</summary>
    public int[] Map { get; }

    /// <summary>
    /// The axes of a tensor of <paramref name="shape"/>: null for every axis, else each in
    /// −rank..rank−1 and given once (a scalar's one element as axis 0 or −1, as PyTorch); a
    /// <see cref="ShapeException"/> otherwise.
    /// </summary>
    public static Axes Of(int[] shape, IReadOnlyList<int>? axes, bool keepDims, string what)
    {
        var reduced = new bool[shape.Length];
        if (axes is null)
        {
            Array.Fill(reduced, true);
            return new Axes(shape, reduced, keepDims);
        }

        if (shape.Length == 0 && axes.Count == 1 && axes[0] is 0 or -1)
        {
            // PyTorch wraps a 0-d tensor's dim as one of a single axis: dim 0 or −1 reduces its one element.
            return new Axes(shape, reduced, keepDims);
        }

        foreach (var given in axes)
        {
            var axis = given < 0 ? given + shape.Length : given;
            if (axis < 0 || axis >= shape.Length)
            {
                throw new ShapeException(shape.Length == 0
                    ? $"{what}: a scalar has no axis {given}"
                    : $"{what}: axis {given} is out of range for shape {Tensor.FormatShape(shape)} (axes {-shape.Length} to {shape.Length - 1})");
            }

            if (reduced[axis])
            {
                throw new ShapeException($"{what}: axis {given} is given twice");
            }

            reduced[axis] = true;
        }

        return new Axes(shape, reduced, keepDims);
    }
}
