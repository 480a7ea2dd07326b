namespace Grader.Reference.Functions;

/// <summary>The cosine.</summary>
public sealed class Cos : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => Math.Cos(x);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => -Math.Sin(x);

    /// <inheritdoc />
    /// <remarks>−sin x.</remarks>
    protected override Node LocalGradient(Node x, Node y) => Ops.Neg(Ops.Sin(x));
}
