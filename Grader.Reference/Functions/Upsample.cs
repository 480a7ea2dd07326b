namespace Grader.Reference.Functions;

/// <summary>
/// Nearest-neighbour upsampling of (C, H, W) by a whole-number scale per axis: output
/// (C, H·sH, W·sW), element (y, x) a copy of input element (y / sH, x / sW), as PyTorch's
/// <c>F.interpolate(mode="nearest")</c>. Its gradient sums each block of copies (<see cref="ScatterAdd"/>).
/// </summary>
public sealed class Upsample(Size2 scale) : Function
{
    private int[] source = [];
    private int[] inputShape = [];

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        var x = inputs[0];
        if (x.Rank != 3)
        {
            throw new ShapeException($"upsample needs (C, H, W), got {x.ShapeText}");
        }

        if (scale.H < 1 || scale.W < 1)
        {
            throw new ShapeException($"upsample: the scale must be a whole number at least 1, got {scale}");
        }

        inputShape = x.Shape;
        int c = x.Shape[0], h = x.Shape[1], w = x.Shape[2];
        if ((long)h * scale.H > int.MaxValue || (long)w * scale.W > int.MaxValue)
        {
            throw new ShapeException($"upsample: {x.ShapeText} by {scale} would be too large");
        }

        int[] shape = [c, h * scale.H, w * scale.W];
        source = new int[Tensor.Numel(shape)];
        var y = new double[source.Length];
        var o = 0;
        for (var ci = 0; ci < c; ci++)
        {
            for (var oy = 0; oy < shape[1]; oy++)
            {
                var row = ((ci * h) + (oy / scale.H)) * w;
                for (var ox = 0; ox < shape[2]; ox++, o++)
                {
                    source[o] = row + (ox / scale.W);
                    y[o] = x.Data[source[o]];
                }
            }
        }

        return new Tensor(shape, y);
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) => [new ScatterAdd(source, inputShape).Apply(gradOutput)];

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        var gx = new double[Tensor.Numel(inputShape)];
        for (var o = 0; o < source.Length; o++)
        {
            gx[source[o]] += gradOutput.Data[o];
        }

        return [new Tensor(inputShape, gx)];
    }
}
