namespace Grader.Reference.Functions;

/// <summary>The exponential, e^x.</summary>
public sealed class Exp : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => Math.Exp(x);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => y;

    /// <inheritdoc />
    /// <remarks>e^x, the output itself.</remarks>
    protected override Node LocalGradient(Node x, Node y) => y;
}
