namespace Grader.Reference.Functions;

/// <summary>
/// log(1 + eˣ), computed stably as max(x, 0) + log1p(e^(−|x|)); its derivative is σ(x), smooth
/// everywhere, so its second derivative is exact too.
/// </summary>
public sealed class Softplus : ElementwiseFunction
{
    /// <inheritdoc />
    protected override double Value(double x) => Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs(x)));

    /// <inheritdoc />
    protected override double Derivative(double x, double y) => MathNet.Numerics.SpecialFunctions.Logistic(x);

    /// <inheritdoc />
    /// <remarks>σ(x).</remarks>
    protected override Node LocalGradient(Node x, Node y) => Ops.Sigmoid(x);

    /// <summary>log(1 + u) accurate for small u (Goldberg's correction of the rounding in 1 + u).</summary>
    private static double Log1p(double u)
    {
        var w = 1 + u;
        return w == 1 ? u : Math.Log(w) * u / (w - 1);
    }
}
