namespace Grader.Domain.Students;

/// <summary>A question as a student sees it: id, text and points, never the answer.</summary>
public sealed record HandoutQuestion(string Id, string? Text, double Points)
{
    /// <summary>True for a graph question: the answer is the graph's node lines, not a value.</summary>
    public bool IsGraph { get; init; }

    /// <summary>The shape the answer must have (as Check tells it; never the answer itself), so the page can offer a grid of cells; null for a graph question.</summary>
    public IReadOnlyList<int>? Shape { get; init; }

    /// <summary>The accepted precision as a student reads it (<see cref="Assignments.Tolerance.ForStudents"/>); null for a graph question.</summary>
    public string? Precision { get; init; }
}
