namespace Grader.Data.Entities;

/// <summary>One grading of a submission. Only one per (submission, generation) can exist; the highest generation is current.</summary>
public sealed class Grade
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>The submission graded.</summary>
    public long SubmissionId { get; set; }

    /// <summary>The submission.</summary>
    public Submission? Submission { get; set; }

    /// <summary>The submission's generation this grade belongs to.</summary>
    public int Generation { get; set; }

    /// <summary>The assignment version graded against.</summary>
    public long AssignmentVersionId { get; set; }

    /// <summary>Total score.</summary>
    public double Score { get; set; }

    /// <summary>Maximum score.</summary>
    public double MaxScore { get; set; }

    /// <summary>The full report, as the grade verb's JSON.</summary>
    public string ReportJson { get; set; } = "";

    /// <summary>When it was graded (UTC).</summary>
    public DateTime GradedAt { get; set; }

    /// <summary>True for the submission's current grade; earlier ones are history.</summary>
    public bool IsCurrent { get; set; }
}
