namespace Grader.Reference.Functions;

/// <summary>Negation, -x.</summary>
public sealed class Neg : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => -x;

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => -1;

    /// <inheritdoc />
    /// <remarks>−1.</remarks>
    protected override Node LocalGradient(Node x, Node y) => Node.Constant(Tensor.Full(x.Value.Shape, -1));
}
