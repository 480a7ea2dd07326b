namespace Grader.Data.Entities;

/// <summary>One version of an assignment file, kept by content: its hash, text and when it was first seen.</summary>
public sealed class AssignmentVersion
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>The assignment's id (from the file).</summary>
    public string AssignmentId { get; set; } = "";

    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The file's text, verbatim.</summary>
    public string Text { get; set; } = "";

    /// <summary>Where the file was read from.</summary>
    public string SourcePath { get; set; } = "";

    /// <summary>When this version was first stored (UTC).</summary>
    public DateTime LoadedAt { get; set; }

    /// <summary>True for the version new submissions are graded against.</summary>
    public bool IsCurrent { get; set; }
}
