namespace Grader.Reference.Functions;

/// <summary>The hyperbolic tangent.</summary>
public sealed class Tanh : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => Math.Tanh(x);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => 1 - (y * y);

    /// <inheritdoc />
    /// <remarks>1 − tanh² x.</remarks>
    protected override Node LocalGradient(Node x, Node y) => Ops.Sub(Ops.Constant(1), Ops.Mul(y, y));
}
