namespace Grader.Worker.Reports;

/// <summary>Gradebook settings, bound from <c>Grader:Gradebook</c>.</summary>
public sealed class GradebookOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Grader:Gradebook";

    /// <summary>
    /// When a class list exists, what a student on it with no counted submission gets in the
    /// gradebook: <c>blank</c> (the default) or <c>zero</c>.
    /// </summary>
    public MissingGrade Missing { get; set; } = MissingGrade.Blank;
}
