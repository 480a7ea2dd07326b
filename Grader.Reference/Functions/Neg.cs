namespace Grader.Reference.Functions;

/// <summary>Negation, -x.</summary>
public sealed class Neg : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => -x;

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => -1;
}
