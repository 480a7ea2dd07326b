namespace Grader.Data.Entities;

/// <summary>
/// A student's request for a regrade of one question of a graded submission, and the TA's
/// answer: the row is the record of both steps (who asked and when, who answered, when, with
/// what reply and score). A score is applied as a <see cref="ScoreOverrideRecord"/>.
/// </summary>
public sealed class RegradeRequest
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>The submission.</summary>
    public long SubmissionId { get; set; }

    /// <summary>The submission's assignment (for the TA's list).</summary>
    public string AssignmentId { get; set; } = "";

    /// <summary>The student who asked.</summary>
    public string Student { get; set; } = "";

    /// <summary>The question id.</summary>
    public string QuestionId { get; set; } = "";

    /// <summary>The student's comment.</summary>
    public string Comment { get; set; } = "";

    /// <summary>When it was asked (UTC).</summary>
    public DateTime AskedAt { get; set; }

    /// <summary>The TA's reply, once answered.</summary>
    public string? Reply { get; set; }

    /// <summary>The score the TA set with the answer, if any.</summary>
    public double? Score { get; set; }

    /// <summary>Who answered.</summary>
    public string? AnsweredBy { get; set; }

    /// <summary>When it was answered (UTC); null while open.</summary>
    public DateTime? AnsweredAt { get; set; }
}
