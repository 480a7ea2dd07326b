namespace Grader.Domain.Assignments;

/// <summary>When a student may see a question's key (and feedback that quotes it).</summary>
public enum ShowKey
{
    /// <summary>Once submissions have closed for everyone: after the due date, the late window and every extension (the default).</summary>
    AfterDue,

    /// <summary>Once their submission is graded.</summary>
    AfterGrading,

    /// <summary>Never.</summary>
    Never,

    /// <summary>Always, even before grading.</summary>
    Always,
}
