using Grader.Domain.Grading;
using Grader.Worker.Course;
using Grader.Worker.Settings;
using Grader.Worker.Access;
using Grader.Worker.Students;

namespace Grader.Worker.Reports;

/// <summary>
/// The gradebook as the assignment page shows it: its first <see cref="MaxRows"/> rows from the
/// stored standings alone (each row's raw and maximum score, no report read; read with a limit,
/// or for the first class-list students only), with the class list's absent students among them,
/// and the whole class's counts and mean from the assignment's stored totals.
/// </summary>
public static class PageGradebook
{
    /// <summary>The most gradebook rows the assignment page lists (the exports have them all).</summary>
    public const int MaxRows = 100;

    /// <summary>Builds it; each row's report carries only its raw and maximum score.</summary>
    public static async Task<PageGradebookView> BuildAsync(string id, StandingStore standings, AssignmentCatalog catalog, StudentDirectory students, GradebookOptions options, CancellationToken ct)
    {
        var assignment = catalog.CurrentVersion(id) is { } v ? await catalog.GetVersionAsync(v, ct) : null;
        var classList = await students.ListAsync(ct);
        var totals = await standings.TotalsAsync(id, ct);
        var questions = assignment?.Questions.Select(q => q.Id) ?? [];
        var maxScore = assignment?.Questions.Sum(q => q.Points(assignment.Defaults));
        if (classList.Count == 0)
        {
            var first = await standings.FirstAsync(id, MaxRows, ct: ct);
            var book = Gradebook.Of(id, Rows(id, first), questions, [], options.Missing, maxScore);
            var counted = totals?.Students ?? 0;
            return new PageGradebookView(book, counted, 0, counted == 0 ? null : totals!.CountedSum / counted);
        }

        // With a class list every row is a class-list student: the first ones by id, present or absent.
        var shown = classList.Select(s => s.StudentId).Order(StringComparer.Ordinal).Take(MaxRows).ToList();
        var rows = await standings.FirstAsync(id, MaxRows, [.. shown.Select(Domain.Students.StudentIds.Key).Distinct()], ct);
        var listed = totals?.ListedStudents ?? 0;
        var page = Gradebook.Of(id, Rows(id, rows), questions, shown, options.Missing, maxScore) with
        {
            Contacts = classList.GroupBy(s => Domain.Students.StudentIds.Key(s.StudentId)).ToDictionary(g => g.Key, g => (g.First().Name, g.First().Email)),
        };
        return new PageGradebookView(page, listed, Math.Max(0, classList.Count - listed), listed == 0 ? null : totals!.ListedSum / listed);
    }

    private static List<(Standing, GradeReport)> Rows(string id, IEnumerable<Standing> standings) =>
        [.. standings.Select(s => (s, new GradeReport(id, s.Student, s.Raw, s.Row.MaxScore ?? 0, [], [])))];
}
