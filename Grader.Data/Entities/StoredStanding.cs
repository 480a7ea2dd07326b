namespace Grader.Data.Entities;

/// <summary>
/// A student's counted standing on an assignment under its current rules, kept up to date in the
/// transaction of each grade, override and extension that changes it (and recomputed when the
/// rules change): the submission that counts, its raw and counted score, its admission (attempt
/// number, lateness, penalties), and how many submissions the student made. Only students with a
/// counted submission have a row.
/// </summary>
public sealed class StoredStanding
{
    /// <summary>The assignment.</summary>
    public string AssignmentId { get; set; } = "";

    /// <summary>The student, as their submissions name them.</summary>
    public string Student { get; set; } = "";

    /// <summary>The student's id trimmed and case-folded, as the class list's <see cref="Entities.Student.Key"/>.</summary>
    public string StudentKey { get; set; } = "";

    /// <summary>The submission that counts.</summary>
    public long SubmissionId { get; set; }

    /// <summary>When it was received (UTC).</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>Its current grade's raw score.</summary>
    public double Raw { get; set; }

    /// <summary>Its maximum score.</summary>
    public double MaxScore { get; set; }

    /// <summary>The score that counts (raw, penalties taken).</summary>
    public double Counted { get; set; }

    /// <summary>Its attempt number (1-based, receipt order).</summary>
    public int Attempt { get; set; }

    /// <summary>How late it was, in ticks (0: on time).</summary>
    public long LateTicks { get; set; }

    /// <summary>The late penalty as a fraction of the raw score.</summary>
    public double LatePenalty { get; set; }

    /// <summary>The attempt penalty as a fraction of the raw score.</summary>
    public double AttemptPenalty { get; set; }

    /// <summary>How many submissions (not rejected) the student made.</summary>
    public int Attempts { get; set; }

    /// <summary>The assignment version its current grade used.</summary>
    public long? GradedVersionId { get; set; }

    /// <summary>When its current grade was made (UTC).</summary>
    public DateTime? GradedAt { get; set; }
}
