namespace Grader.Reference.Functions;

/// <summary>The tangent.</summary>
public sealed class Tan : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => Math.Tan(x);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => 1 + (y * y);

    /// <inheritdoc />
    /// <remarks>1 + tan² x.</remarks>
    protected override Node LocalGradient(Node x, Node y) => Ops.Add(Ops.Constant(1), Ops.Mul(y, y));
}
