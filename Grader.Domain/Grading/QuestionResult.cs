using Grader.Reference;

namespace Grader.Domain.Grading;

/// <summary>
/// The grade of one question: status, score, the key and the given answer, which elements are
/// wrong (multi-indices into the key), and feedback that names the mistake.
/// <see cref="FeedbackWithoutKey"/> says the same without any of the key's numbers (which
/// elements are wrong, the mistake's name); a student reads it while the key is withheld
/// (see <see cref="KeyRedaction"/>). Null only in reports stored before it existed.
/// <see cref="Override"/> is a TA's score that replaced the automatic one (<see cref="ManualGrading"/>).
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
    IReadOnlyList<int[]> Wrong,
    string? FeedbackWithoutKey = null,
    ScoreOverride? Override = null)
{
    /// <summary>For a graph question: the lines given and expected, the score's parts and a verdict per line; null otherwise.</summary>
    public Graphs.GraphVerdict? Graph { get; init; }

    /// <summary>
    /// The status as the score now stands, for showing: the grader's <see cref="Status"/>, or after a
    /// TA's <see cref="Override"/> the status its score reads as (all the points correct, some of them
    /// partial, none incorrect, or missing or invalid as graded). <see cref="Status"/> itself stays the
    /// automatic one, which answer groups and regrades read.
    /// </summary>
    public QuestionStatus ScoredStatus => Override is null ? Status
        : Score >= MaxScore ? QuestionStatus.Correct
        : Score > 0 ? QuestionStatus.Partial
        : Status is QuestionStatus.Correct or QuestionStatus.Partial ? QuestionStatus.Incorrect
        : Status;
}
