namespace Grader.Reference.Functions;

/// <summary>
/// The exponential linear unit: x for x &gt; 0, alpha·(e^x − 1) otherwise. Its derivative at 0 is
/// alpha, as in PyTorch's <c>elu_backward</c> (<c>x &lt;= 0 ? alpha·e^x : 1</c>), and its second
/// derivative there is 0, as PyTorch's <c>elu_double_backward</c> (masked by <c>x &lt; 0</c>).
/// </summary>
public sealed class Elu(double alpha) : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => x > 0 ? x : alpha * (Math.Exp(x) - 1);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => x > 0 ? 1 : alpha * Math.Exp(x);

    /// <inheritdoc />
    /// <remarks>1 for x &gt; 0, α·e^x = y + α for x &lt; 0, and the constant α at x = 0 (so that it differentiates to 0 there).</remarks>
    protected override Node LocalGradient(Node x, Node y)
    {
        var below = Ops.Add(y, Ops.Constant(alpha));
        if (x.Value.Data.Contains(0))
        {
            below = Ops.Where(x.Value.Map(v => v == 0 ? 0.0 : 1.0), below, Node.Constant(Tensor.Full(x.Value.Shape, alpha)));
        }

        return Ops.Where(x.Value.Map(v => v > 0 ? 1.0 : 0.0), Node.Constant(Tensor.Full(x.Value.Shape, 1)), below);
    }
}
