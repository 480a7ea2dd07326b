namespace Grader.Reference.Functions;

/// <summary>
/// Element-wise maximum of two tensors of equal shape. The gradient goes to the larger input;
/// on a tie it is split evenly, as in PyTorch.
/// </summary>
public sealed class Maximum : Function
{
    private Tensor a = null!;
    private Tensor b = null!;

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        (a, b) = (inputs[0], inputs[1]);
        return a.Zip(b, Math.Max);
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        var ga = new double[a.Count];
        var gb = new double[a.Count];
        for (var i = 0; i < ga.Length; i++)
        {
            double x = a.Data[i], y = b.Data[i], g = gradOutput.Data[i];
            (ga[i], gb[i]) = x > y ? (g, 0) : x < y ? (0, g) : (g / 2, g / 2);
        }

        return [new Tensor(a.Shape, ga), new Tensor(b.Shape, gb)];
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) =>
    [
        Ops.Mul(gradOutput, Node.Constant(a.Zip(b, (x, y) => x > y ? 1 : x < y ? 0 : 0.5))),
        Ops.Mul(gradOutput, Node.Constant(a.Zip(b, (x, y) => x < y ? 1 : x > y ? 0 : 0.5))),
    ];
}
