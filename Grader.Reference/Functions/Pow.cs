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
            // Where b = 0 the exponent is read as 1 inside (a⁰ = 1): the masked branch stays finite, so
            // that a second derivative there is 0 (not 0·∞), as PyTorch's constant zero gradient.
            var safe = Ops.OneWhereZero(p);
            ga = Ops.ZeroWhereZero(p.Value, Ops.Mul(gradOutput, Ops.Mul(safe, Ops.Pow(x, Ops.Sub(safe, Ops.Constant(1))))));
        }

        if (p.RequiresGrad)
        {
            gb = Ops.ZeroWhereZero(x.Value, Ops.Mul(gradOutput, Ops.Mul(Output, Ops.Log(Ops.OneWhereZero(x)))));
        }

        return [ga, gb];
    }
}
