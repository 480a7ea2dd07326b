namespace Grader.Reference.Functions;

/// <summary>The rectifier max(0, x); its derivative at 0 is taken as 0, as in PyTorch.</summary>
public sealed class Relu : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => x > 0 ? x : 0;

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => x > 0 ? 1 : 0;
}
