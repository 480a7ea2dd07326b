namespace Grader.Domain.Graphs;

/// <summary>
/// What the report holds for a graph question: the student's lines as read, the key's graph as
/// lines (null while the key is withheld), the score's parts and a verdict per student line.
/// </summary>
public sealed record GraphVerdict(IReadOnlyList<string> Given, IReadOnlyList<string>? Expected, GraphParts Parts, IReadOnlyList<GraphNodeVerdict> Nodes)
{
    /// <summary>The verdict as a student sees it while the key is withheld: no key lines, no key node names.</summary>
    public GraphVerdict WithoutKey() => this with { Expected = null, Nodes = [.. Nodes.Select(n => n with { Matched = null })] };
}
