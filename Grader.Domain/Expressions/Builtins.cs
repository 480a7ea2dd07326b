using Grader.Reference;

namespace Grader.Domain.Expressions;

/// <summary>The names the expression language reserves: constants and functions.</summary>
public static class Builtins
{
    /// <summary>Every function name, with its parameters in order; required parameters come first.</summary>
    public static readonly IReadOnlyDictionary<string, FunctionSignature> Functions =
        FunctionRegistry.All.ToDictionary(f => f.Key, f => f.Value.Signature);

    /// <summary>True for names an assignment may not define: constants, function names and None (an argument left out).</summary>
    public static bool IsReserved(string name) => Constant(name) is not null || Functions.ContainsKey(name) || name is "None" or "none";

    /// <summary>The node for a constant name (pi, e), or null.</summary>
    public static Node? Constant(string name) => name switch
    {
        "pi" => Node.Constant(Tensor.Scalar(Math.PI)),
        "e" => Node.Constant(Tensor.Scalar(Math.E)),
        "true" or "True" => Node.Constant(Tensor.Scalar(1)),
        "false" or "False" => Node.Constant(Tensor.Scalar(0)),
        _ => null,
    };
}
