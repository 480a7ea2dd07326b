namespace Grader.Worker.Reports;

/// <summary>The assignment page's gradebook: its first rows, and the whole class's counts and mean counted score.</summary>
/// <param name="Shown">The first <see cref="PageGradebook.MaxRows"/> rows (with a class list: of the first class-list students by id).</param>
/// <param name="Students">The students with a counted submission (with a class list: the list's only).</param>
/// <param name="Absent">The class-list students with no counted submission (0 without a class list).</param>
/// <param name="CountedMean">The mean counted score of <paramref name="Students"/> (null: none).</param>
public sealed record PageGradebookView(Gradebook Shown, int Students, int Absent, double? CountedMean);
