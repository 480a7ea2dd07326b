using System.Collections.Frozen;
using Grader.Domain.Expressions.Functions;

namespace Grader.Domain.Expressions;

/// <summary>
/// Every function of the expression language, by name: the single source of the names, the
/// signatures, the engine calls, the cost estimates and the documentation's table. Adding a
/// function is its engine operation plus one entry in one of the lists below.
/// </summary>
public static class FunctionRegistry
{
    /// <summary>The functions in the documentation's order.</summary>
    public static readonly IReadOnlyList<BuiltinFunction> Ordered =
    [
        .. ElementwiseFunctions.All, .. ReductionFunctions.All, .. ShapeFunctions.All, .. IndexingFunctions.All,
        .. ConvolutionFunctions.All, .. LayerFunctions.All, .. LossFunctions.All, .. QueryFunctions.All,
    ];

    /// <summary>The functions by name (frozen: every call of every expression looks its function up here).</summary>
    public static readonly FrozenDictionary<string, BuiltinFunction> All = Ordered.ToFrozenDictionary(f => f.Name);

    /// <summary>The expression-language table of the documentation, as markdown rows.</summary>
    public static string MarkdownTable()
    {
        var rows = Ordered.Select(f =>
            $"| `{f.Usage}` | {f.Computes} | {(f.PyTorch.Length == 0 ? "—" : f.PyTorch)} | {(f.Kink.Length == 0 ? "—" : f.Kink)} |");
        return string.Join('\n', ["| function | computes | PyTorch | at a kink |", "| --- | --- | --- | --- |", .. rows]) + "\n";
    }
}
