using Grader.Domain.Expressions;

namespace Grader.Domain.Graphs;

/// <summary>
/// A computational graph ready to evaluate: its inputs (leaves that take values), its nodes in
/// an order where every node comes after what it uses, the output (the last node), and the
/// indexed leaves (<c>w[0]</c>) its nodes use, each under a name of its own.
/// </summary>
public sealed record GraphProgram(IReadOnlyList<string> Inputs, IReadOnlyList<GraphStep> Steps, IReadOnlyDictionary<string, IndexedLeaf> Indexed)
{
    /// <summary>The output node's name.</summary>
    public string Output => Steps[^1].Name;

    /// <summary>The names a node's expression uses: inputs, indexed inputs' bases and nodes.</summary>
    public IEnumerable<string> Uses(GraphStep step) => ExprText.Names(step.Expression)
        .Select(n => Indexed.TryGetValue(n, out var ix) ? ix.Source : n)
        .Where(n => Builtins.Constant(n) is null)
        .Distinct();

    /// <summary>The nodes and inputs the output depends on (the output included).</summary>
    public IReadOnlySet<string> UsedByOutput()
    {
        var byName = Steps.ToDictionary(s => s.Name);
        var used = new HashSet<string> { Output };
        for (var i = Steps.Count - 1; i >= 0; i--)
        {
            if (used.Contains(Steps[i].Name))
            {
                used.UnionWith(Uses(Steps[i]));
            }
        }

        return used;
    }
}
