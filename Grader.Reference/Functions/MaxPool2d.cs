namespace Grader.Reference.Functions;

/// <summary>
/// Max pooling over (C, H, W); padding cells count as −∞, as in PyTorch. Forward keeps each
/// window's argmax (the first on a tie) and backward routes the gradient there.
/// </summary>
public sealed class MaxPool2d(Size2 size, Size2 stride, Size2 padding, string name = "maxpool2d") : Pool2d(size, stride, padding, name)
{
    private int[] argmax = [];

    /// <inheritdoc />
    protected override void Begin(int outputs) => argmax = new int[outputs];

    /// <inheritdoc />
    protected override double Reduce(Tensor x, ReadOnlySpan<int> cells, int outIndex)
    {
        var best = -1;
        foreach (var cell in cells)
        {
            if (cell >= 0 && (best < 0 || x.Data[cell] > x.Data[best]))
            {
                best = cell;
            }
        }

        if (best < 0)
        {
            throw new ShapeException($"{Name}: a window lies wholly in the padding");
        }

        argmax[outIndex] = best;
        return x.Data[best];
    }

    /// <inheritdoc />
    protected override void Route(double g, ReadOnlySpan<int> cells, int outIndex, double[] gx) =>
        gx[argmax[outIndex]] += g;

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) => [new ScatterAdd(argmax, InputShape).Apply(gradOutput)];
}
