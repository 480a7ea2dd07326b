namespace Grader.Reference.Functions;

/// <summary>The error function erf x = (2/√π) ∫₀ˣ e^(−t²) dt, whose derivative is (2/√π) e^(−x²).</summary>
public sealed class Erf : ElementwiseFunction
{
    private const double TwoOverRootPi = 1.1283791670955126;

    /// <inheritdoc />
    protected override double Value(double x) => MathNet.Numerics.SpecialFunctions.Erf(x);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => TwoOverRootPi * Math.Exp(-x * x);

    /// <inheritdoc />
    /// <remarks>(2/√π) e^(−x²).</remarks>
    protected override Node LocalGradient(Node x, Node y) => Ops.Mul(Ops.Exp(Ops.Neg(Ops.Mul(x, x))), Ops.Constant(TwoOverRootPi));
}
