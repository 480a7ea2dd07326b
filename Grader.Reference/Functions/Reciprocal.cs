namespace Grader.Reference.Functions;

/// <summary>The reciprocal 1 / x.</summary>
public sealed class Reciprocal : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => 1 / x;

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => -y * y;

    /// <inheritdoc />
    /// <remarks>−1/x² = −y².</remarks>
    protected override Node LocalGradient(Node x, Node y) => Ops.Neg(Ops.Mul(y, y));
}
