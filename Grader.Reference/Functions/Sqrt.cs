namespace Grader.Reference.Functions;

/// <summary>The square root.</summary>
public sealed class Sqrt : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => Math.Sqrt(x);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => 0.5 / y;

    /// <inheritdoc />
    /// <remarks>1/(2√x).</remarks>
    protected override Node LocalGradient(Node x, Node y) => Ops.Mul(Ops.Reciprocal(y), Ops.Constant(0.5));
}
