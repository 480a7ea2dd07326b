namespace Grader.Data.Entities;

/// <summary>
/// A TA's score and comment for every submission that gave one wrong answer (an answer group:
/// the same parsed value) to a question of an assignment. Each submission it reaches gets its
/// own <see cref="ScoreOverrideRecord"/> pointing here; later submissions that join the group get
/// theirs when graded, while the rule is in force. A newer rule for the same group replaces it;
/// undoing it (who, when) takes back every override it made.
/// </summary>
public sealed class AnswerGroupRule
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>The assignment.</summary>
    public string AssignmentId { get; set; } = "";

    /// <summary>The question id.</summary>
    public string QuestionId { get; set; } = "";

    /// <summary>The group's key: a hash of the answer's shape and elements to 15 significant figures.</summary>
    public string GroupKey { get; set; } = "";

    /// <summary>The answer as the TA saw it (cut for display).</summary>
    public string Answer { get; set; } = "";

    /// <summary>The score given to each submission of the group.</summary>
    public double Score { get; set; }

    /// <summary>The comment, shown to each student.</summary>
    public string Comment { get; set; } = "";

    /// <summary>Who set it.</summary>
    public string By { get; set; } = "";

    /// <summary>When (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>When it was undone (UTC), or null while it may be in force.</summary>
    public DateTime? UndoneAt { get; set; }

    /// <summary>Who undid it.</summary>
    public string? UndoneBy { get; set; }
}
