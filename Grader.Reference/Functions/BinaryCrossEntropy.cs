namespace Grader.Reference.Functions;

/// <summary>
/// The element-wise binary cross-entropy −(t·log p + (1 − t)·log(1 − p)) of probabilities p and
/// targets t of equal shape, as PyTorch's <c>binary_cross_entropy</c>: each log is kept at or
/// above −100, so that p = 0 or 1 gives a finite loss, and the gradient in p, (p − t)/(p(1 − p)),
/// has its denominator kept at or above 10⁻¹²; the gradient in t is log(1 − p) − log p.
/// </summary>
public sealed class BinaryCrossEntropy : Function
{
    /// <summary>The least value each log takes (PyTorch's clamp).</summary>
    public const double LogFloor = -100;

    /// <summary>The least denominator of the gradient in p: PyTorch's <c>EPSILON</c>, 1e-12 as a float (9.99999996e-13).</summary>
    public const double Epsilon = 1e-12f;

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs) =>
        inputs[0].Zip(inputs[1], (p, t) => -((t * Math.Max(Math.Log(p), LogFloor)) + ((1 - t) * Math.Max(Math.Log(1 - p), LogFloor))));

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput)
    {
        var (p, t) = (Inputs[0], Inputs[1]);
        Node? gp = null, gt = null;
        if (p.RequiresGrad)
        {
            var denominator = Ops.Maximum(Ops.Mul(Ops.Sub(Ops.Constant(1), p), p), Ops.Constant(Epsilon));
            gp = Ops.Mul(gradOutput, Ops.Div(Ops.Sub(p, t), denominator));
        }

        if (t.RequiresGrad)
        {
            gt = Ops.Mul(gradOutput, Ops.Sub(Ops.Log(Ops.Sub(Ops.Constant(1), p)), Ops.Log(p)));
        }

        return [gp, gt];
    }
}
