using Grader.Reference;

namespace Grader.Domain.Assignments;

/// <summary>
/// The correct answers of one variant of an assignment, with the instantiated values. Entries
/// are in the assignment's order. <see cref="Failures"/> lists expressions that could not be
/// evaluated; their questions have no key.
/// </summary>
public sealed record AnswerKey(
    Assignment Assignment,
    string? Student,
    IReadOnlyList<KeyValuePair<string, Tensor>> Values,
    IReadOnlyList<KeyValuePair<string, Tensor>> Answers,
    IReadOnlyList<EvaluationFailure> Failures)
{
    /// <summary>The key of a question, or null.</summary>
    public Tensor? AnswerTo(string questionId) => Answers.FirstOrDefault(a => a.Key == questionId).Value;

    private Dictionary<string, Tensor>? valueMap;

    /// <summary>The instantiated values, for recomputing answers from a student's own earlier ones (made on first use).</summary>
    public IReadOnlyDictionary<string, Tensor> ValueMap => valueMap ??= Values.ToDictionary();

    /// <summary>True when every question has a key.</summary>
    public bool IsComplete => Failures.Count == 0;
}
