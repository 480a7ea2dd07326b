namespace Grader.Reference.Functions;

/// <summary>
/// Element-wise power a^b of two tensors of equal shape. The gradient with respect to the
/// exponent is a^b·ln a, taken as 0 where a = 0 and undefined (NaN) where a &lt; 0.
/// </summary>
public sealed class Pow : Function
{
    private Tensor a = null!;
    private Tensor b = null!;
    private Tensor y = null!;

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        (a, b) = (inputs[0], inputs[1]);
        y = a.Zip(b, Math.Pow);
        return y;
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        var ga = new double[a.Count];
        var gb = new double[a.Count];
        for (var i = 0; i < ga.Length; i++)
        {
            double x = a.Data[i], p = b.Data[i], g = gradOutput.Data[i];
            ga[i] = p == 0 ? 0 : g * p * Math.Pow(x, p - 1);
            gb[i] = x > 0 ? g * y.Data[i] * Math.Log(x) : x == 0 ? 0 : double.NaN;
        }

        return [new Tensor(a.Shape, ga), new Tensor(b.Shape, gb)];
    }

    /// <inheritdoc />
    /// <remarks>
    /// As PyTorch's <c>pow_backward</c>: g·b·a^(b−1), 0 where b = 0; g·a^b·ln a, 0 where a = 0.
    /// </remarks>
    protected internal override Node?[] Backward(Node gradOutput)
    {
        var (x, p) = (Inputs[0], Inputs[1]);
        Node? ga = null, gb = null;
        if (x.RequiresGrad)
        {
            ga = Ops.Mul(gradOutput, Ops.Mul(p, Ops.Pow(x, Ops.Sub(p, Ops.Constant(1)))));
            ga = ZeroWhere(p.Value, ga);
        }

        if (p.RequiresGrad)
        {
            gb = ZeroWhere(x.Value, Ops.Mul(gradOutput, Ops.Mul(Output, Ops.Log(x))));
        }

        return [ga, gb];
    }

    /// <summary>The gradient with 0 wherever <paramref name="at"/> is 0.</summary>
    private static Node ZeroWhere(Tensor at, Node grad) =>
        at.Data.Contains(0)
            ? Ops.Where(at.Map(v => v == 0 ? 0.0 : 1.0), grad, Node.Constant(Tensor.Zeros(at.Shape)))
            : grad;
}
