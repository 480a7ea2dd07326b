namespace Grader.Reference.Functions;

/// <summary>The square root.</summary>
public sealed class Sqrt : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => Math.Sqrt(x);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => 0.5 / y;
}
