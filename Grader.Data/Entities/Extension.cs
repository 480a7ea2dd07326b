namespace Grader.Data.Entities;

/// <summary>A student's own due date for an assignment (the late window follows it), with who granted it and when.</summary>
public sealed class Extension
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>The assignment.</summary>
    public string AssignmentId { get; set; } = "";

    /// <summary>The student.</summary>
    public string Student { get; set; } = "";

    /// <summary>The student's due date (UTC).</summary>
    public DateTime Due { get; set; }

    /// <summary>Who granted it (the TA's name as given, or "ta").</summary>
    public string GrantedBy { get; set; } = "";

    /// <summary>When it was granted or last changed (UTC).</summary>
    public DateTime GrantedAt { get; set; }
}
