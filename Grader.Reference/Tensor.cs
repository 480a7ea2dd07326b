using System.Globalization;
using System.Text;

namespace Grader.Reference;

/// <summary>
/// A dense tensor of doubles in row-major order. A tensor of rank 0 is a scalar.
/// Tensors are treated as immutable values: operations return new tensors.
/// </summary>
public sealed class Tensor
{
    /// <summary>Creates a tensor from its shape and row-major data.</summary>
    public Tensor(int[] shape, double[] data)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        if (Numel(shape) != data.Length)
        {
            throw new ShapeException($"shape {FormatShape(shape)} needs {Numel(shape)} elements, got {data.Length}");
        }

        Shape = shape;
        Data = data;
    }

    /// <summary>The size of each axis; empty for a scalar.</summary>
    public int[] Shape { get; }

    /// <summary>The elements in row-major order.</summary>
    public double[] Data { get; }

    /// <summary>The number of axes.</summary>
    public int Rank => Shape.Length;

    /// <summary>The number of elements.</summary>
    public int Count => Data.Length;

    /// <summary>True when the tensor holds exactly one element, and so counts as a scalar.</summary>
    public bool IsScalarLike => Data.Length == 1;

    /// <summary>The single element of a one-element tensor.</summary>
    public double ScalarValue => IsScalarLike
        ? Data[0]
        : throw new ShapeException($"expected a scalar, got shape {ShapeText}");

    /// <summary>The shape written as in the course, e.g. <c>(2, 3)</c>, or <c>scalar</c>.</summary>
    public string ShapeText => FormatShape(Shape);

    /// <summary>The element at a multi-index.</summary>
    public double this[params int[] index] => Data[Offset(index)];

    /// <summary>A scalar tensor.</summary>
    public static Tensor Scalar(double value) => new([], [value]);

    /// <summary>A vector.</summary>
    public static Tensor Vector(params double[] values) => new([values.Length], values);

    /// <summary>A matrix from a 2-D array.</summary>
    public static Tensor Matrix(double[,] values)
    {
        int m = values.GetLength(0), n = values.GetLength(1);
        var data = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                data[(i * n) + j] = values[i, j];
            }
        }

        return new Tensor([m, n], data);
    }

    /// <summary>A tensor of the given shape filled with one value (the shape array is shared, as shapes are never changed).</summary>
    public static Tensor Full(int[] shape, double value)
    {
        var data = new double[Numel(shape)];
        Array.Fill(data, value);
        return new Tensor(shape, data);
    }

    /// <summary>A tensor of zeros (the shape array is shared, as shapes are never changed).</summary>
    public static Tensor Zeros(int[] shape) => new(shape, new double[Numel(shape)]);

    /// <summary>The number of elements a shape holds.</summary>
    public static int Numel(int[] shape)
    {
        long n = 1;
        foreach (var d in shape)
        {
            if (d < 0)
            {
                throw new ShapeException($"negative size in shape {FormatShape(shape)}");
            }

            n *= d;
            if (n > int.MaxValue)
            {
                throw new ShapeException($"shape {FormatShape(shape)} is too large");
            }
        }

        return (int)n;
    }

    /// <summary>Formats a shape as <c>(2, 3)</c>, or <c>scalar</c> for rank 0.</summary>
    public static string FormatShape(IReadOnlyList<int> shape) =>
        shape.Count == 0 ? "scalar" : "(" + string.Join(", ", shape) + (shape.Count == 1 ? ",)" : ")");

    /// <summary>True when both tensors have the same shape.</summary>
    public bool SameShape(Tensor other) => ReferenceEquals(Shape, other.Shape) || Shape.AsSpan().SequenceEqual(other.Shape);

    /// <summary>Applies a function to every element.</summary>
    public Tensor Map(Func<double, double> f)
    {
        var data = new double[Data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = f(Data[i]);
        }

        return new Tensor(Shape, data);
    }

    /// <summary>Combines two tensors of equal shape element by element.</summary>
    public Tensor Zip(Tensor other, Func<double, double, double> f)
    {
        RequireSameShape(other, "element-wise operation");
        var data = new double[Data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = f(Data[i], other.Data[i]);
        }

        return new Tensor(Shape, data);
    }

    /// <summary>The same data under another shape with the same number of elements.</summary>
    public Tensor Reshape(int[] shape) => new(shape, Data);

    /// <summary>Throws a <see cref="ShapeException"/> unless both shapes are equal.</summary>
    public void RequireSameShape(Tensor other, string what)
    {
        if (!SameShape(other))
        {
            throw new ShapeException($"{what} needs equal shapes, got {ShapeText} and {other.ShapeText}");
        }
    }

    /// <summary>True when every element is finite.</summary>
    public bool IsFinite() => Data.All(double.IsFinite);

    /// <summary>Row-major offset of a multi-index.</summary>
    public int Offset(IReadOnlyList<int> index)
    {
        if (index.Count != Rank)
        {
            throw new ShapeException($"index of rank {index.Count} into a tensor of shape {ShapeText}");
        }

        var offset = 0;
        for (var a = 0; a < Rank; a++)
        {
            if (index[a] < 0 || index[a] >= Shape[a])
            {
                throw new ShapeException($"index {index[a]} out of range for axis {a} of shape {ShapeText}");
            }

            offset = (offset * Shape[a]) + index[a];
        }

        return offset;
    }

    /// <summary>The multi-index of a row-major offset.</summary>
    public int[] IndexOf(int offset)
    {
        var index = new int[Rank];
        for (var a = Rank - 1; a >= 0; a--)
        {
            index[a] = offset % Shape[a];
            offset /= Shape[a];
        }

        return index;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder();
        Write(sb, 0, 0);
        return sb.ToString();
    }

    private int Write(StringBuilder sb, int axis, int offset)
    {
        if (axis == Rank)
        {
            sb.Append(Data[offset].ToString("R", CultureInfo.InvariantCulture));
            return offset + 1;
        }

        sb.Append('[');
        for (var i = 0; i < Shape[axis]; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            offset = Write(sb, axis + 1, offset);
        }

        sb.Append(']');
        return offset;
    }
}
