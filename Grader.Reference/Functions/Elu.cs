namespace Grader.Reference.Functions;

/// <summary>
/// The exponential linear unit: x for x &gt; 0, alpha·(e^x − 1) otherwise. Its derivative at 0 is
/// alpha, as in PyTorch's <c>elu_backward</c> (<c>x &lt;= 0 ? alpha·e^x : 1</c>).
/// </summary>
public sealed class Elu(double alpha) : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => x > 0 ? x : alpha * (Math.Exp(x) - 1);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => x > 0 ? 1 : alpha * Math.Exp(x);
}
