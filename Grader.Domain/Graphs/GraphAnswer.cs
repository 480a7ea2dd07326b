namespace Grader.Domain.Graphs;

/// <summary>A student's graph answer as read: its lines, or why it cannot be read (naming the line).</summary>
public sealed record GraphAnswer(IReadOnlyList<GraphLine> Lines, string? Error)
{
    /// <summary>The node lines, without the inputs' annotations.</summary>
    public IEnumerable<GraphLine> Nodes => Lines.Where(l => !l.IsInput);
}
