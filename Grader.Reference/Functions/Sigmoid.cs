namespace Grader.Reference.Functions;

/// <summary>The logistic sigmoid 1 / (1 + e^-x).</summary>
public sealed class Sigmoid : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => MathNet.Numerics.SpecialFunctions.Logistic(x);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => y * (1 - y);
}
