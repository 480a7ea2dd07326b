namespace Grader.Worker.Reports;

/// <summary>What the gradebook shows for a class-list student with no counted submission (<c>Grader:Gradebook:Missing</c>).</summary>
public enum MissingGrade
{
    /// <summary>Empty cells: not graded (the default; an LMS import leaves the grade unset).</summary>
    Blank,

    /// <summary>Zeros: no submission scores nothing.</summary>
    Zero,
}
