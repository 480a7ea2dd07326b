using Grader.Reference.Functions;

namespace Grader.Reference;

/// <summary>Activations beyond the classic ones, each as PyTorch defines it.</summary>
public static partial class Ops
{
    /// <summary>erf x.</summary>
    public static Node Erf(Node x) => new Erf().Apply(x);

    /// <summary>log(1 + eˣ), stable, with derivative σ(x).</summary>
    public static Node Softplus(Node x) => new Softplus().Apply(x);

    /// <summary>
    /// PyTorch's <c>softplus(x, beta, threshold)</c>: (1/β)·log(1 + e^(βx)), and x itself where
    /// βx &gt; threshold (gradient 1 there, as PyTorch's backward). Where βx equals the threshold
    /// the gradient is σ(βx) and the second derivative 0, as PyTorch's double backward (masked by
    /// βx &lt; threshold): there the function is taken as its tangent.
    /// </summary>
    public static Node Softplus(Node x, double beta, double threshold = 20)
    {
        var scaled = Mul(x, Constant(beta));
        var smooth = Mul(Softplus(scaled), Constant(1 / beta));
        if (scaled.Value.Data.Contains(threshold))
        {
            var at = scaled.Value.Map(v => v == threshold ? 0.0 : 1.0);
            var tangent = Add(Node.Constant(smooth.Value), Mul(Sub(x, Node.Constant(x.Value)), Node.Constant(scaled.Value.Map(MathNet.Numerics.SpecialFunctions.Logistic))));
            smooth = Where(at, smooth, tangent);
        }

        return Where(scaled.Value.Map(v => v > threshold ? 1.0 : 0.0), x, smooth);
    }

    /// <summary>GELU: x·Φ(x) = ½x(1 + erf(x/√2)), or with <paramref name="tanh"/> ½x(1 + tanh(√(2/π)(x + 0.044715x³))).</summary>
    public static Node Gelu(Node x, bool tanh = false)
    {
        var inner = tanh
            ? Tanh(Mul(Add(x, Mul(Pow(x, Constant(3)), Constant(0.044715))), Constant(Math.Sqrt(2 / Math.PI))))
            : Erf(Mul(x, Constant(1 / Math.Sqrt(2))));
        return Mul(Mul(x, Constant(0.5)), Add(Constant(1), inner));
    }

    /// <summary>SiLU (swish): x·σ(x).</summary>
    public static Node Silu(Node x) => Mul(x, Sigmoid(x));

    /// <summary>
    /// hardtanh: x clamped to [min, max]; the gradient passes only strictly inside (PyTorch's
    /// <c>hardtanh_backward</c>: 0 at the bounds).
    /// </summary>
    public static Node Hardtanh(Node x, double min = -1, double max = 1)
    {
        // As PyTorch: min_val above max_val is not refused; every element is then max_val (clamp's
        // min(max(x, min_val), max_val)) and no gradient passes.
        var inside = x.Value.Map(v => v > min && v < max ? 1.0 : 0.0);
        return Where(inside, x, Node.Constant(x.Value.Map(v => Math.Min(Math.Max(v, min), max))));
    }

    /// <summary>log σ(x) = −softplus(−x), stable and smooth.</summary>
    public static Node LogSigmoid(Node x) => Neg(Softplus(Neg(x)));
}
