namespace Grader.Reference.Functions;

/// <summary>The sine.</summary>
public sealed class Sin : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => Math.Sin(x);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => Math.Cos(x);

    /// <inheritdoc />
    /// <remarks>cos x.</remarks>
    protected override Node LocalGradient(Node x, Node y) => Ops.Cos(x);
}
