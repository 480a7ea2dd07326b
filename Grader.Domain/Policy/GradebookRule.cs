namespace Grader.Domain.Policy;

/// <summary>Which of a student's submissions counts in the gradebook.</summary>
public enum GradebookRule
{
    /// <summary>The one with the highest counted score (after penalties).</summary>
    Best,

    /// <summary>The last one received.</summary>
    Latest,
}
