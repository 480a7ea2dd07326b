using Grader.Domain.Yaml;

namespace Grader.Domain.Assignments;

/// <summary>
/// Reads <c>tolerance: { rel, abs }</c>, <c>{ sigfigs: n }</c> or <c>{ exact: true }</c>.
/// An omitted rel or abs is 0; the modes cannot be mixed.
/// </summary>
public static class ToleranceReader
{
    private static readonly string[] Keys = ["rel", "abs", "sigfigs", "exact"];

    /// <summary>The tolerance, or null (reported).</summary>
    public static Tolerance? Read(YNode node, DiagnosticBag bag)
    {
        if (node is not YMapping m || m.Entries.Count == 0)
        {
            bag.Report(node, "tolerance must be a mapping: { rel: 0.01, abs: 0.001 }, { sigfigs: 3 } or { exact: true }");
            return null;
        }

        var before = bag.Items.Count;
        AssignmentLoader.CheckKeys(m, Keys, bag, "tolerance");
        var rel = m["rel"] is { } r ? NonNegative(r, bag, "rel") : 0;
        var abs = m["abs"] is { } a ? NonNegative(a, bag, "abs") : 0;
        var sigfigs = m["sigfigs"] is { } s ? YamlValues.Whole(s, bag, "sigfigs", 1, 15) : null;
        var exact = m["exact"] is { } e && (YamlValues.Bool(e, bag, "exact") ?? false);
        var modes = (m["rel"] is not null || m["abs"] is not null ? 1 : 0) + (m["sigfigs"] is not null ? 1 : 0) + (m["exact"] is not null ? 1 : 0);
        if (modes > 1)
        {
            bag.Report(m, "tolerance: choose one of rel/abs, sigfigs or exact");
        }

        return bag.Items.Count == before ? new Tolerance(rel ?? 0, abs ?? 0, sigfigs, exact) : null;
    }

    private static double? NonNegative(YNode node, DiagnosticBag bag, string what)
    {
        var v = YamlValues.Number(node, bag, what);
        if (v is < 0)
        {
            bag.Report(node, $"{what} must not be negative, got {v}");
            return null;
        }

        return v;
    }
}
