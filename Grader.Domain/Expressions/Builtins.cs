using Grader.Reference;

namespace Grader.Domain.Expressions;

/// <summary>The names the expression language reserves: constants and functions.</summary>
public static class Builtins
{
    /// <summary>Every function name, with its parameters in order; required parameters come first.</summary>
    public static readonly IReadOnlyDictionary<string, FunctionSignature> Functions = new Dictionary<string, FunctionSignature>
    {
        ["sin"] = new(1, "x"), ["cos"] = new(1, "x"), ["tan"] = new(1, "x"), ["exp"] = new(1, "x"),
        ["log"] = new(1, "x"), ["sqrt"] = new(1, "x"), ["abs"] = new(1, "x"), ["tanh"] = new(1, "x"),
        ["sigmoid"] = new(1, "x"), ["relu"] = new(1, "x"),
        ["leaky_relu"] = new(1, "x", "slope"), ["elu"] = new(1, "x", "alpha"),
        ["softmax"] = new(1, "x"), ["log_softmax"] = new(1, "x"),
        ["sum"] = new(1, "x"), ["mean"] = new(1, "x"), ["max"] = new(1, "x"),
        ["maximum"] = new(2, "a", "b"), ["dot"] = new(2, "a", "b"), ["outer"] = new(2, "a", "b"),
        ["norm"] = new(1, "x"), ["reshape"] = new(2, "x", "shape"), ["flatten"] = new(1, "x"),
        ["transpose"] = new(1, "x"), ["flip"] = new(1, "x"),
        ["conv2d"] = new(2, "x", "k", "b", "stride", "padding"),
        ["maxpool2d"] = new(2, "x", "size", "stride", "padding"),
        ["avgpool2d"] = new(2, "x", "size", "stride", "padding"),
        ["mse"] = new(2, "p", "t", "reduction"), ["sse"] = new(2, "p", "t"),
        ["cross_entropy"] = new(2, "logits", "t", "reduction"),
        ["hinge"] = new(2, "scores", "label", "reduction"), ["bce"] = new(2, "p", "t", "reduction"),
        ["grad"] = new(2, "f", "v"), ["shape"] = new(1, "x"), ["numel"] = new(1, "x"),
        ["params"] = new(1, "net", "i"), ["output_shape"] = new(1, "net", "i"),
    };

    /// <summary>True for names an assignment may not define: constants and function names.</summary>
    public static bool IsReserved(string name) => Constant(name) is not null || Functions.ContainsKey(name);

    /// <summary>The node for a constant name (pi, e), or null.</summary>
    public static Node? Constant(string name) => name switch
    {
        "pi" => Node.Constant(Tensor.Scalar(Math.PI)),
        "e" => Node.Constant(Tensor.Scalar(Math.E)),
        _ => null,
    };
}
