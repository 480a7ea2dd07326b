using Grader.Reference;

namespace Grader.Domain.Expressions;

/// <summary>
/// One function of the expression language, all in one place: its name and parameters, how it is
/// evaluated (a call of the reference engine), what it may cost before it runs, and its row of the
/// expression-language table (what it computes, the PyTorch equivalent, the rule at its kinks).
/// </summary>
public sealed record BuiltinFunction(
    string Name,
    IReadOnlyList<Parameter> Parameters,
    Func<CallContext, Node> Evaluate,
    string Computes,
    string PyTorch,
    string Kink = "")
{
    /// <summary>The work and result to reserve before <see cref="Evaluate"/> runs, or null for none.</summary>
    public Func<CallContext, Cost?>? Cost { get; init; }

    /// <summary>True for an element-wise activation a layer stack may name.</summary>
    public bool Activation { get; init; }

    /// <summary>
    /// How many leading parameters may be given by position (all unless set); the rest only by
    /// name, as Python's keyword-only parameters after <c>*</c>.
    /// </summary>
    public int? Positional { get; init; }

    /// <summary>True when extra positional arguments gather into the last parameter as a list (<see cref="FunctionSignature.Variadic"/>).</summary>
    public bool Variadic { get; init; }

    /// <summary>The parameter names in order, the required ones first.</summary>
    public FunctionSignature Signature => field ??= new(Parameters.Count(p => p.Required), [.. Parameters.Select(p => p.Name)])
    {
        Variadic = Variadic,
        Positional = Math.Min(Positional ?? Parameters.Count, Parameters.Count),
        Aliases = Parameters.SelectMany(p => p.Aliases.Select(a => (a, p.Name))).ToDictionary(x => x.a, x => x.Name),
    };

    /// <summary>
    /// The call as the documentation writes it, e.g. <c>leaky_relu(x, slope=0.01)</c>; keyword-only
    /// parameters follow a <c>*</c>, as in Python: <c>conv2d(x, k, b=none, *, stride=1)</c>.
    /// </summary>
    public string Usage => $"{Name}({string.Join(", ", Parameters.Select((p, i) => (i == Positional ? "*, " : "") + (p.Required ? p.Name : $"{p.Name}={p.Default}")))})";
}
