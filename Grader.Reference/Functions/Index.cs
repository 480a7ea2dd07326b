namespace Grader.Reference.Functions;

/// <summary>
/// Indexing <c>x[…]</c> with PyTorch's semantics: each item applies to the next axis of x (whole
/// numbers and index tensors of rank 0 drop the axis, slices keep it, unindexed trailing axes are
/// kept whole); index tensors (the inputs after x) are broadcast together and pair up, their shape taking the place of their
/// axes when those are adjacent and the front of the result otherwise. Every output element is
/// one element of x, so the gradient scatters back (<see cref="ScatterAdd"/>), repeated indices
/// accumulating; the index inputs take none.
/// </summary>
public sealed class Index(IReadOnlyList<IndexItem> items) : Function
{
    private int[] offsets = [];
    private int[] inputShape = [];

    /// <summary>The shape of x indexed by <paramref name="items"/> (index tensors as their nodes hold them).</summary>
    public static int[] ShapeOf(int[] shape, IReadOnlyList<IndexItem> items) =>
        Plan(shape, items, [.. items.OfType<IndexTensor>().Select(t => t.Indices.Value)], offsets: false).Shape;

    /// <inheritdoc />
    internal override bool TakesIndices => true;

    /// <inheritdoc />
    internal override bool IsIndex(int input) => input > 0;

    /// <inheritdoc />
    /// <remarks>
    /// Inputs after x and the index tensors (<see cref="Ops.Index(Node, IReadOnlyList{IndexItem}, IReadOnlyList{Node})"/>)
    /// are the nodes slice bounds were read from: recorded as indices, they take no part here.
    /// </remarks>
    protected override Tensor Forward(Tensor[] inputs)
    {
        var x = inputs[0];
        inputShape = x.Shape;
        (var shape, offsets) = Plan(x.Shape, items, inputs[1..(1 + items.OfType<IndexTensor>().Count())], offsets: true);
        var data = new double[offsets.Length];
        for (var j = 0; j < data.Length; j++)
        {
            data[j] = x.Data[offsets[j]];
        }

        return new Tensor(shape, data);
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        var g = new double[Tensor.Numel(inputShape)];
        for (var j = 0; j < offsets.Length; j++)
        {
            g[offsets[j]] += gradOutput.Data[j];
        }

        return [new Tensor(inputShape, g), .. Inputs.Skip(1).Select(n => Tensor.Zeros(n.Value.Shape))];
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) =>
        [new ScatterAdd(offsets, inputShape).Apply(gradOutput), .. Inputs.Skip(1).Select(_ => (Node?)null)];

    /// <summary>The result's shape and, when asked for, the offset in x of each of its elements.</summary>
    private static (int[] Shape, int[] Offsets) Plan(int[] shape, IReadOnlyList<IndexItem> items, Tensor[] tensors, bool offsets)
    {
        if (items.Count > shape.Length)
        {
            throw new ShapeException($"{items.Count} indices into a tensor of shape {Tensor.FormatShape(shape)}, which has {shape.Length} axes");
        }

        var strides = new int[shape.Length];
        for (int a = shape.Length - 1, s = 1; a >= 0; s *= shape[a], a--)
        {
            strides[a] = s;
        }

        var start = 0;
        var basic = new List<(int Size, int Stride)>();
        var advanced = new List<(Tensor Index, int Axis)>();
        int? at = null;
        var adjacent = true;
        var next = 0;
        for (var a = 0; a < shape.Length; a++)
        {
            var item = a < items.Count ? items[a] : new IndexSlice(null, null, 1);
            var tensor = item is IndexTensor ? tensors[next++] : null;
            switch (item)
            {
                case IndexAt i:
                    start += Position(i.Index, shape[a], a) * strides[a];
                    break;
                case IndexTensor when tensor!.Rank == 0:
                    // A one-element index of rank 0 selects, as a whole number does (PyTorch's 0-dim integer tensor).
                    start += Position(Whole(tensor.Data[0]), shape[a], a) * strides[a];
                    break;
                case IndexSlice s:
                    var (first, count, step) = s.On(shape[a]);
                    start += first * strides[a];
                    basic.Add((count, step * strides[a]));
                    break;
                case IndexTensor:
                    adjacent &= at is null || at == basic.Count;
                    at ??= basic.Count;
                    advanced.Add((tensor!, a));
                    break;
            }
        }

        var broadcast = Broadcast(advanced.Select(t => t.Index.Shape));
        var place = adjacent ? at ?? 0 : 0;
        int[] result = [.. basic.Take(place).Select(d => d.Size), .. broadcast, .. basic.Skip(place).Select(d => d.Size)];
        if (!offsets)
        {
            return (result, []);
        }

        var flat = new int[Tensor.Numel(result)];
        var index = new int[result.Length];
        for (var j = 0; j < flat.Length; j++)
        {
            for (int d = result.Length - 1, rest = j; d >= 0; rest /= result[d], d--)
            {
                index[d] = rest % result[d];
            }

            var offset = start;
            for (var d = 0; d < basic.Count; d++)
            {
                offset += index[d < place ? d : d + broadcast.Length] * basic[d].Stride;
            }

            foreach (var (t, axis) in advanced)
            {
                var v = t.Data[BroadcastOffset(t.Shape, index.AsSpan(place, broadcast.Length))];
                offset += Position(Whole(v), shape[axis], axis) * strides[axis];
            }

            flat[j] = offset;
        }

        return (result, flat);
    }

    /// <summary>A position of an axis of length n, a negative one counted from the end.</summary>
    private static int Position(int i, int n, int axis) =>
        i < -n || i >= n
            ? throw new ShapeException($"index {i} is out of range for axis {axis} of size {n}")
            : i < 0 ? i + n : i;

    private static int Whole(double v) =>
        v == Math.Floor(v) && Math.Abs(v) <= int.MaxValue
            ? (int)v
            : throw new ShapeException($"an index must be a whole number, got {v}");

    /// <summary>The broadcast of the index tensors' shapes (NumPy's rules).</summary>
    private static int[] Broadcast(IEnumerable<int[]> shapes)
    {
        var result = Array.Empty<int>();
        foreach (var s in shapes)
        {
            var rank = Math.Max(result.Length, s.Length);
            var merged = new int[rank];
            for (var d = 0; d < rank; d++)
            {
                var a = d < rank - result.Length ? 1 : result[d - (rank - result.Length)];
                var b = d < rank - s.Length ? 1 : s[d - (rank - s.Length)];
                merged[d] = a == b || b == 1 ? a : a == 1 ? b
                    : throw new ShapeException($"index tensors of shapes {Tensor.FormatShape(result)} and {Tensor.FormatShape(s)} do not broadcast together");
            }

            result = merged;
        }

        return result;
    }

    /// <summary>The element of a tensor of <paramref name="shape"/> broadcast to the multi-index (right-aligned).</summary>
    private static int BroadcastOffset(int[] shape, ReadOnlySpan<int> index)
    {
        var offset = 0;
        var skip = index.Length - shape.Length;
        for (var d = 0; d < shape.Length; d++)
        {
            offset = (offset * shape[d]) + (shape[d] == 1 ? 0 : index[d + skip]);
        }

        return offset;
    }
}
