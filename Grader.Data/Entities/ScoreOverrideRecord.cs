namespace Grader.Data.Entities;

/// <summary>
/// A TA's score for one question of a submission, kept as an audit trail: every override is a
/// new row (who, when, the score, the comment); the latest per question is in force.
/// </summary>
public sealed class ScoreOverrideRecord
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>The submission.</summary>
    public long SubmissionId { get; set; }

    /// <summary>The question id.</summary>
    public string QuestionId { get; set; } = "";

    /// <summary>The TA's score.</summary>
    public double Score { get; set; }

    /// <summary>The automatic score it replaced, when set.</summary>
    public double AutoScore { get; set; }

    /// <summary>The TA's comment, shown to the student.</summary>
    public string Comment { get; set; } = "";

    /// <summary>Who set it.</summary>
    public string By { get; set; } = "";

    /// <summary>When (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>The answer-group rule that made it, or null for a TA's own override of this submission.</summary>
    public long? AnswerGroupRuleId { get; set; }
}
