using Grader.Reference;

namespace Grader.Domain.Grading;

/// <summary>
/// The grade of one question: status, score, the key and the given answer, which elements are
/// wrong (multi-indices into the key), and feedback that names the mistake.
/// </summary>
public sealed record QuestionResult(
    string Id,
    string? Text,
    QuestionStatus Status,
    double Score,
    double MaxScore,
    Tensor? Expected,
    Tensor? Given,
    string Feedback,
    IReadOnlyList<int[]> Wrong);
