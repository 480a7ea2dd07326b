namespace Grader.Reference.Functions;

/// <summary>The natural logarithm.</summary>
public sealed class Log : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => Math.Log(x);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => 1 / x;

    /// <inheritdoc />
    /// <remarks>1/x.</remarks>
    protected override Node LocalGradient(Node x, Node y) => Ops.Reciprocal(x);
}
