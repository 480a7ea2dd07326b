namespace Grader.Reference.Functions;

/// <summary>The logistic sigmoid 1 / (1 + e^-x).</summary>
public sealed class Sigmoid : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => MathNet.Numerics.SpecialFunctions.Logistic(x);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => y * (1 - y);

    /// <inheritdoc />
    /// <remarks>σ(1 − σ).</remarks>
    protected override Node LocalGradient(Node x, Node y) => Ops.Mul(y, Ops.Sub(Ops.Constant(1), y));
}
