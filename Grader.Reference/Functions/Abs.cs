namespace Grader.Reference.Functions;

/// <summary>The absolute value; its derivative at 0 is taken as 0.</summary>
public sealed class Abs : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => Math.Abs(x);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => Math.Sign(x);

    /// <inheritdoc />
    /// <remarks>sign x, a constant (no second derivative).</remarks>
    protected override Node LocalGradient(Node x, Node y) => Node.Constant(x.Value.Map(v => Math.Sign(v)));
}
