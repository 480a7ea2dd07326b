namespace Grader.Reference.Functions;

/// <summary>
/// Average pooling over (C, H, W); padding cells count as zeros and the divisor is always the
/// window area (PyTorch's default count_include_pad=True).
/// </summary>
public sealed class AvgPool2d(Size2 size, Size2 stride, Size2 padding, string name = "avgpool2d") : Pool2d(size, stride, padding, name)
{
    /// <inheritdoc />
    protected override double Reduce(Tensor x, ReadOnlySpan<int> cells, int outIndex)
    {
        var s = 0.0;
        foreach (var cell in cells)
        {
            if (cell >= 0)
            {
                s += x.Data[cell];
            }
        }

        return s / Area;
    }

    /// <inheritdoc />
    protected override void Route(double g, ReadOnlySpan<int> cells, int outIndex, double[] gx)
    {
        foreach (var cell in cells)
        {
            if (cell >= 0)
            {
                gx[cell] += g / Area;
            }
        }
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput)
    {
        var (outputs, cells) = Taps();
        var spread = Ops.Mul(new Gather(outputs, [outputs.Length]).Apply(gradOutput), Ops.Constant(1.0 / Area));
        return [new ScatterAdd(cells, InputShape).Apply(spread)];
    }
}
