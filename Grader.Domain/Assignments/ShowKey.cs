namespace Grader.Domain.Assignments;

/// <summary>When a student may see a question's key.</summary>
public enum ShowKey
{
    /// <summary>Once their submission is graded (the default).</summary>
    AfterGrading,

    /// <summary>Never.</summary>
    Never,

    /// <summary>Always, even before grading.</summary>
    Always,
}
