using Grader.Reference;

namespace Grader.Domain.Expressions.Functions;

/// <summary>Element-wise functions and activations.</summary>
internal static class ElementwiseFunctions
{
    /// <summary>The entries, in the documentation's order.</summary>
    public static IEnumerable<BuiltinFunction> All =>
    [
        Unary("sin", Ops.Sin, "sin x", "`torch.sin`"),
        Unary("cos", Ops.Cos, "cos x", "`torch.cos`"),
        Unary("tan", Ops.Tan, "tan x", "`torch.tan`"),
        Unary("exp", Ops.Exp, "eˣ", "`torch.exp`"),
        Unary("log", Ops.Log, "ln x", "`torch.log`"),
        Unary("sqrt", Ops.Sqrt, "√x", "`torch.sqrt`"),
        Unary("abs", Ops.Abs, "\\|x\\|", "`torch.abs`", "\\|x\\|′(0) = 0"),
        Unary("sign", x => Node.Constant(x.Value.Map(v => v > 0 ? 1.0 : v < 0 ? -1.0 : v)), "−1, 0 or 1 by the sign of x", "`torch.sign`", "no gradient (0 everywhere, as PyTorch)"),
        Unary("tanh", Ops.Tanh, "tanh x", "`torch.tanh`") with { Activation = true },
        Unary("sigmoid", Ops.Sigmoid, "1/(1 + e⁻ˣ)", "`torch.sigmoid`") with { Activation = true },
        Unary("relu", Ops.Relu, "max(0, x)", "`torch.relu`", "relu′(0) = 0") with { Activation = true },
        new BuiltinFunction("leaky_relu", ["x", new("slope", "0.01") { Aliases = ["negative_slope"] }], c => Ops.LeakyRelu(c.Arg(0), c.Number(1, 0.01)),
            "x for x > 0, else slope·x", "`F.leaky_relu(x, negative_slope)`", "leaky_relu′(0) = slope") { Activation = true },
        new BuiltinFunction("elu", ["x", new("alpha", "1")], c => Ops.Elu(c.Arg(0), c.Number(1, 1)),
            "x for x > 0, else α(eˣ − 1)", "`F.elu`", "elu′(0) = alpha, elu″(0) = 0") { Activation = true },
        new BuiltinFunction("softmax", ["x", ReductionFunctions.Axis("-1")], c => Ops.Softmax(c.Arg(0), c.Raw(1) is null ? -1 : c.Whole(1, -1)),
            "eˣ / Σ eˣ along an axis (the last by default)", "`torch.softmax(x, dim=-1)`") { Activation = true },
        new BuiltinFunction("log_softmax", ["x", ReductionFunctions.Axis("-1")], c => Ops.LogSoftmax(c.Arg(0), c.Raw(1) is null ? -1 : c.Whole(1, -1)),
            "x − log Σ eˣ along an axis (the last by default)", "`torch.log_softmax(x, dim=-1)`") { Activation = true },
        new BuiltinFunction("gelu", ["x", new("approximate", "\"none\"")], c => Ops.Gelu(c.Arg(0), tanh: c.Choice(1, "none", "tanh") == "tanh"),
            "x·Φ(x) = ½x(1 + erf(x/√2)); with approximate=\"tanh\" ½x(1 + tanh(√(2/π)(x + 0.044715x³)))", "`F.gelu(x, approximate)`") { Activation = true },
        new BuiltinFunction("softplus", ["x", new("beta", "1"), new("threshold", "20")], c => Ops.Softplus(c.Arg(0), c.Number(1, 1), c.Number(2, 20)),
            "(1/β)·log(1 + e^(βx)), and x where βx > threshold", "`F.softplus(x, beta, threshold)`", "where βx > threshold the gradient is 1; where βx equals it the second derivative is 0") { Activation = true },
        Unary("silu", Ops.Silu, "x·σ(x) (swish)", "`F.silu`") with { Activation = true },
        new BuiltinFunction("hardtanh", ["x", new("min_val", "-1"), new("max_val", "1")], c => Ops.Hardtanh(c.Arg(0), c.Number(1, -1), c.Number(2, 1)),
            "x clamped to [min_val, max_val]", "`F.hardtanh`", "the gradient is 0 at the bounds and outside") { Activation = true },
        Unary("log_sigmoid", Ops.LogSigmoid, "log σ(x) = −softplus(−x)", "`F.logsigmoid`") with { Activation = true },
        Unary("erf", Ops.Erf, "the error function (2/√π)∫₀ˣ e^(−t²) dt", "`torch.erf`"),
        new BuiltinFunction("maximum", ["a", "b"], c => Ops.Maximum(c.Arg(0), c.Arg(1)),
            "the larger of a and b, element-wise, broadcast", "`torch.maximum`", "a tie gives each side half"),
        new BuiltinFunction("minimum", ["a", "b"], c => Ops.Minimum(c.Arg(0), c.Arg(1)),
            "the smaller of a and b, element-wise, broadcast", "`torch.minimum`", "a tie gives each side half"),
        new BuiltinFunction("where", ["c", "a", "b"], c => Ops.Where(c.Arg(0), c.Arg(1), c.Arg(2)),
            "a where c ≠ 0, else b, element-wise, all three broadcast", "`torch.where(c != 0, a, b)`", "no gradient flows to c; each side gets the gradient where it was chosen"),
    ];

    private static BuiltinFunction Unary(string name, Func<Node, Node> op, string computes, string pytorch, string kink = "") =>
        new(name, ["x"], c => op(c.Arg(0)), computes, pytorch, kink);
}
