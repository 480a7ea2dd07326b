using Grader.Reference;

namespace Grader.Domain.Grading;

/// <summary>
/// One answer as the student wrote it: a tensor, or the reason it could not be read
/// (with the column inside the answer's expression, when there is one).
/// </summary>
public sealed record GivenAnswer(string QuestionId, Tensor? Value, string? Error, SourcePosition Where, string Text)
{
    /// <summary>True when the answer was left empty (null or blank).</summary>
    public bool IsEmpty => Value is null && Error is null && Graph is null;

    /// <summary>The answer read as a graph (node lines), when it is written as one; graded by a question of kind graph.</summary>
    public Graphs.GraphAnswer? Graph { get; init; }
}
