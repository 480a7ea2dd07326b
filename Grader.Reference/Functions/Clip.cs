namespace Grader.Reference.Functions;

/// <summary>
/// Clamps every element to [lo, hi], min(max(x, lo), hi) (PyTorch's <c>torch.clamp</c>). As in
/// PyTorch, the gradient passes where lo ≤ x ≤ hi, bounds included, and is 0 outside.
/// </summary>
public sealed class Clip(double lo, double hi) : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => Math.Min(Math.Max(x, lo), hi);

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => Passes(x);

    /// <inheritdoc />
    /// <remarks>1 where lo ≤ x ≤ hi, else 0, a constant.</remarks>
    protected override Node LocalGradient(Node x, Node y) => Node.Constant(x.Value.Map(Passes));

    private double Passes(double x) => x >= lo && x <= hi ? 1 : 0;
}
