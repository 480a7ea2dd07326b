namespace Grader.Domain.Grading;

/// <summary>A student's answer file: which assignment, which student, and their answers in file order.</summary>
public sealed record AnswerFile(string AssignmentId, string? Student, IReadOnlyList<GivenAnswer> Answers, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// True for a file the answer page wrote from its fields (<see cref="AnswerFileReader.FromFieldsMarker"/>):
    /// its answers are named by their field, never by a line of a file the student never saw.
    /// </summary>
    public bool FromFields { get; init; }

    /// <summary>The answer to a question, or null.</summary>
    public GivenAnswer? AnswerTo(string questionId) => Answers.FirstOrDefault(a => a.QuestionId == questionId);
}
