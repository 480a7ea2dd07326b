namespace Grader.Domain.Graphs;

/// <summary>An element of an input or node, written <c>w[0]</c> or <c>W[1][0]</c>: free in a graph, like a constant.</summary>
public sealed record IndexedLeaf(string Source, IReadOnlyList<int> Index, string Text);
