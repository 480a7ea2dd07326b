namespace Grader.Reference.Functions;

/// <summary>
/// Reorders the axes (PyTorch's <c>x.permute(dims)</c>): output axis k is input axis dims[k].
/// The gradient is permuted back by the inverse permutation.
/// </summary>
public sealed class Permute(int[] dims) : Function
{
    /// <summary>The tensor with its axes reordered.</summary>
    public static Tensor Of(Tensor x, int[] dims)
    {
        if (dims.Length != x.Rank || dims.Order().Where((d, k) => d != k).Any())
        {
            throw new ShapeException($"permute needs an order of the {x.Rank} axes of {x.ShapeText}, got ({string.Join(", ", dims)})");
        }

        var shape = dims.Select(d => x.Shape[d]).ToArray();
        var strides = new int[x.Rank];
        for (int a = x.Rank - 1, s = 1; a >= 0; s *= x.Shape[a], a--)
        {
            strides[a] = s;
        }

        var data = new double[x.Count];
        var index = new int[shape.Length];
        for (var j = 0; j < data.Length; j++)
        {
            var offset = 0;
            for (int k = shape.Length - 1, rest = j; k >= 0; rest /= shape[k], k--)
            {
                index[k] = rest % shape[k];
                offset += index[k] * strides[dims[k]];
            }

            data[j] = x.Data[offset];
        }

        return new Tensor(shape, data);
    }

    /// <summary>The permutation that undoes <paramref name="dims"/>.</summary>
    public static int[] Inverse(int[] dims)
    {
        var inverse = new int[dims.Length];
        for (var k = 0; k < dims.Length; k++)
        {
            inverse[dims[k]] = k;
        }

        return inverse;
    }

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs) => Of(inputs[0], dims);

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput) => [Of(gradOutput, Inverse(dims))];

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) => [new Permute(Inverse(dims)).Apply(gradOutput)];
}
