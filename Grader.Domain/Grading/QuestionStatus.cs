namespace Grader.Domain.Grading;

/// <summary>How a question was answered.</summary>
public enum QuestionStatus
{
    /// <summary>Every element right (or consistent with the student's own earlier answers).</summary>
    Correct,

    /// <summary>Some elements right, with per-element partial credit.</summary>
    Partial,

    /// <summary>Wrong: no credit.</summary>
    Incorrect,

    /// <summary>No answer given.</summary>
    Missing,

    /// <summary>An answer that cannot be read: a parse error, NaN or infinity.</summary>
    Invalid,
}
