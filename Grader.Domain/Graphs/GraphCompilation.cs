namespace Grader.Domain.Graphs;

/// <summary>
/// A student's graph checked and ready to evaluate (<see cref="Program"/>), or why it cannot be
/// graded (<see cref="Error"/>, naming the line). <see cref="Structure"/> lists the lines that
/// break "one operation a node"; <see cref="InputLines"/> are the inputs' annotations.
/// </summary>
public sealed record GraphCompilation(GraphProgram? Program, string? Error, IReadOnlyList<string> Structure, IReadOnlyList<GraphLine> InputLines, IReadOnlyList<GraphLine> NodeLines)
{
    /// <summary>A graph that cannot be graded.</summary>
    public static GraphCompilation Failed(string error) => new(null, error, [], [], []);
}
