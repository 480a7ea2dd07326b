namespace Grader.Reference.Functions;

/// <summary>The rectifier max(0, x); its derivative at 0 is taken as 0, as in PyTorch.</summary>
public sealed class Relu : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => x > 0 ? x : 0;

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => x > 0 ? 1 : 0;

    /// <inheritdoc />
    /// <remarks>1 where x &gt; 0, else 0, a constant.</remarks>
    protected override Node LocalGradient(Node x, Node y) => Node.Constant(x.Value.Map(v => v > 0 ? 1.0 : 0.0));
}
