namespace Grader.Reference.Functions;

/// <summary>
/// Rotates the last two axes by 180° (reverses rows and columns): conv2d(x, flip(k)) is the
/// textbook convolution, where conv2d itself is cross-correlation.
/// </summary>
public sealed class Flip : Function
{
    /// <summary>The tensor with its last two axes reversed.</summary>
    public static Tensor Of(Tensor x)
    {
        if (x.Rank < 2)
        {
            throw new ShapeException($"flip needs at least two axes, got shape {x.ShapeText}");
        }

        int h = x.Shape[^2], w = x.Shape[^1], plane = h * w;
        var data = new double[x.Count];
        for (var p = 0; p < x.Count; p += plane)
        {
            for (var i = 0; i < plane; i++)
            {
                data[p + i] = x.Data[p + plane - 1 - i];
            }
        }

        return new Tensor(x.Shape, data);
    }

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs) => Of(inputs[0]);

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput) => [Of(gradOutput)];

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) => [new Flip().Apply(gradOutput)];
}
