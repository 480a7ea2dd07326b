namespace Grader.Reference.Functions;

/// <summary>The leaky rectifier: x for x &gt; 0, slope·x otherwise.</summary>
public sealed class LeakyRelu(double slope) : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => x > 0 ? x : slope * x;

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => x > 0 ? 1 : slope;

    /// <inheritdoc />
    /// <remarks>1 or the slope, a constant.</remarks>
    protected override Node LocalGradient(Node x, Node y) => Node.Constant(x.Value.Map(v => v > 0 ? 1 : slope));
}
