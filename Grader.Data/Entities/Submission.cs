namespace Grader.Data.Entities;

/// <summary>A submitted answer file, kept verbatim with its receipt time, and what became of it.</summary>
public sealed class Submission
{
    /// <summary>Database key, also the public submission id.</summary>
    public long Id { get; set; }

    /// <summary>When the file arrived (UTC).</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>The file's bytes, verbatim.</summary>
    public byte[] Content { get; set; } = [];

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>How it arrived: api, inbox or cli.</summary>
    public string Source { get; set; } = "";

    /// <summary>The uploaded or inbox file name, if any.</summary>
    public string? FileName { get; set; }

    /// <summary>The assignment id the file names (null when unreadable).</summary>
    public string? AssignmentId { get; set; }

    /// <summary>The student id the file names.</summary>
    public string? Student { get; set; }

    /// <summary>The assignment version current when it arrived.</summary>
    public long? AssignmentVersionId { get; set; }

    /// <summary>The version it is graded against (changes on regrade).</summary>
    public AssignmentVersion? AssignmentVersion { get; set; }

    /// <summary>Status.</summary>
    public SubmissionStatus Status { get; set; }

    /// <summary>Why it was rejected or failed.</summary>
    public string? Reason { get; set; }

    /// <summary>Bumped by each regrade; the grade of the highest generation is current.</summary>
    public int Generation { get; set; }

    /// <summary>A secret that opens this submission's own report and nothing else.</summary>
    public string ReceiptToken { get; set; } = "";

    /// <summary>Its grades, current and past.</summary>
    public List<Grade> Grades { get; set; } = [];
}
