namespace Grader.Reference;

/// <summary>
/// NumPy's and PyTorch's broadcasting rule: shapes are aligned from their last axis, and each pair
/// of sizes must be equal or one of them 1; a missing leading axis counts as 1.
/// </summary>
public static class Broadcasting
{
    /// <summary>The shape two shapes broadcast to; a <see cref="ShapeException"/> naming both when they do not.</summary>
    public static int[] Shape(int[] a, int[] b, string op)
    {
        if (a.AsSpan().SequenceEqual(b))
        {
            return a;
        }

        var rank = Math.Max(a.Length, b.Length);
        var shape = new int[rank];
        for (var i = 1; i <= rank; i++)
        {
            int da = i <= a.Length ? a[^i] : 1, db = i <= b.Length ? b[^i] : 1;
            if (da != db && da != 1 && db != 1)
            {
                throw new ShapeException(
                    $"{op} needs shapes that broadcast (equal sizes, or 1, from the last axis), got {Tensor.FormatShape(a)} and {Tensor.FormatShape(b)}");
            }

            shape[^i] = da == 1 ? db : da;
        }

        return shape;
    }

    /// <summary>For each element of a tensor of shape <paramref name="to"/>, the flat index it reads in <paramref name="from"/>.</summary>
    public static int[] Map(int[] from, int[] to)
    {
        var count = Tensor.Numel(to);
        var map = new int[count];
        var strides = new int[to.Length];
        var stride = 1;
        for (var i = 1; i <= from.Length; i++)
        {
            // A source axis of size 1 is read at index 0 whatever the target index: stride 0.
            strides[^i] = from[^i] == 1 ? 0 : stride;
            stride *= from[^i];
        }

        var index = new int[to.Length];
        for (var o = 0; o < count; o++)
        {
            var offset = 0;
            for (var a = 0; a < to.Length; a++)
            {
                offset += index[a] * strides[a];
            }

            map[o] = offset;
            for (var a = to.Length - 1; a >= 0 && ++index[a] == to[a]; a--)
            {
                index[a] = 0;
            }
        }

        return map;
    }

    /// <summary>
    /// For each element of a tensor of shape <paramref name="from"/>, the flat index it falls into
    /// in <paramref name="to"/>, a shape of the same rank whose every size is the same or 1.
    /// </summary>
    public static int[] InverseMap(int[] from, int[] to) => Map(to, from);
}
