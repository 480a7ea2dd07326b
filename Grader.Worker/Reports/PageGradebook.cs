using Grader.Domain.Grading;
using Grader.Worker.Course;
using Grader.Worker.Settings;
using Grader.Worker.Access;
using Grader.Worker.Students;

namespace Grader.Worker.Reports;

/// <summary>
/// The gradebook as the assignment page shows it: from the stored standings alone (each row's
/// raw and maximum score, no report read), with the class list's absent students, as the exports'.
/// </summary>
public static class PageGradebook
{
    /// <summary>The most gradebook rows the assignment page lists (the exports have them all).</summary>
    public const int MaxRows = 100;

    /// <summary>Builds it; each row's report carries only its raw and maximum score.</summary>
    public static async Task<Gradebook> BuildAsync(string id, StandingStore standings, AssignmentCatalog catalog, StudentDirectory students, GradebookOptions options, CancellationToken ct)
    {
        var assignment = catalog.CurrentVersion(id) is { } v ? await catalog.GetVersionAsync(v, ct) : null;
        var classList = await students.ListAsync(ct);
        var rows = (await standings.StandingsAsync(id, ct)).Select(s => (s, new GradeReport(id, s.Student, s.Raw, s.Row.MaxScore ?? 0, [], []))).ToList();
        return Gradebook.Of(id, rows, assignment?.Questions.Select(q => q.Id) ?? [],
            [.. classList.Select(s => s.StudentId)], options.Missing, assignment?.Questions.Sum(q => q.Points(assignment.Defaults))) with
        {
            Contacts = classList.GroupBy(s => Domain.Students.StudentIds.Key(s.StudentId)).ToDictionary(g => g.Key, g => (g.First().Name, g.First().Email)),
        };
    }
}
