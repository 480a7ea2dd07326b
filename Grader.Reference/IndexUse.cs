using System.Runtime.CompilerServices;

namespace Grader.Reference;

/// <summary>
/// Where a node serves as an index in a graph. An index selects elements and takes no gradient
/// (PyTorch's indices are integer tensors), so a gradient with respect to one has no meaning.
/// </summary>
public static class IndexUse
{
    /// <summary>Per output, the indices of its graph and everything they are computed from (walked once).</summary>
    private static readonly ConditionalWeakTable<Node, HashSet<Node>> IndexAncestors = [];

    /// <summary>
    /// True when <paramref name="target"/> is an index of an operation <paramref name="output"/> is
    /// computed through (indexing, a slice bound, embedding, one-hot), or an index is computed from it.
    /// </summary>
    public static bool IsIndexOf(Node output, Node target) =>
        output.UsesIndex && IndexAncestors.GetValue(output, static o => Ancestors(Indices(o))).Contains(target);

    /// <summary>The index inputs of the operations a node is computed through.</summary>
    private static List<Node> Indices(Node output)
    {
        var indices = new List<Node>();
        foreach (var node in Ancestors([output]))
        {
            if (node.Creator is { TakesIndices: true } f)
            {
                for (var p = 0; p < node.Parents.Length; p++)
                {
                    if (f.IsIndex(p))
                    {
                        indices.Add(node.Parents[p]);
                    }
                }
            }
        }

        return indices;
    }

    /// <summary>The nodes and everything they are computed from.</summary>
    private static HashSet<Node> Ancestors(IEnumerable<Node> start)
    {
        var seen = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Node>(start);
        while (stack.TryPop(out var node))
        {
            if (!seen.Add(node))
            {
                continue;
            }

            foreach (var parent in node.Parents)
            {
                stack.Push(parent);
            }

            // A gradient node is computed from the graph it is the gradient of (its backward
            // graph, built only when needed, uses that graph's indices as they were).
            if (node.Source is { } source)
            {
                stack.Push(source.Output!);
                stack.Push(source.Target!);
            }
        }

        return seen;
    }
}
