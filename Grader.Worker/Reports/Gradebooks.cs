using Grader.Worker.Access;
using Grader.Worker.Course;

namespace Grader.Worker.Reports;

/// <summary>An assignment's gradebook as the TA page and the exports show it.</summary>
public static class Gradebooks
{
    /// <summary>True when the assignment is loaded or has submissions (as for its page).</summary>
    public static async Task<bool> IsKnownAsync(string id, ClassRecords records, AssignmentCatalog catalog, CancellationToken ct) =>
        catalog.CurrentVersion(id) is not null || await records.HasSubmissionsAsync(id, ct);

    /// <summary>
    /// The gradebook of an assignment, questions in the assignment's order; when a class list
    /// exists, a row for each of its students and no other (<see cref="GradebookOptions.Missing"/>
    /// for those with no counted submission).
    /// </summary>
    public static async Task<Gradebook> BuildAsync(string id, ClassRecords records, AssignmentCatalog catalog, StudentDirectory students, GradebookOptions options, CancellationToken ct,
        StandingStore? standings = null)
    {
        var assignment = catalog.CurrentVersion(id) is { } v ? await catalog.GetVersionAsync(v, ct) : null;
        var classList = await students.ListAsync(ct);
        return Gradebook.Of(id, standings is null ? await records.CountedReportsAsync(id, ct) : await standings.CountedReportsAsync(id, records, ct), assignment?.Questions.Select(q => q.Id) ?? [],
            [.. classList.Select(s => s.StudentId)], options.Missing, assignment?.Questions.Sum(q => q.Points(assignment.Defaults))) with
        {
            Contacts = classList.GroupBy(s => Domain.Students.StudentIds.Key(s.StudentId)).ToDictionary(g => g.Key, g => (g.First().Name, g.First().Email)),
        };
    }
}
