using Grader.Data;

namespace Grader.Worker.Course;

/// <summary>
/// Keeps each student's stored standing (their counted score per assignment under the course
/// rules) up to date: called by whatever changes a standing (a grade, an override, an extension),
/// inside that change's transaction. Implemented by the reports' <c>StandingStore</c>, which reads
/// the standings back for the pages and exports.
/// </summary>
public interface IStandingUpdates
{
    /// <summary>
    /// Recomputes the standings of these students in <paramref name="db"/>'s transaction, and moves
    /// each assignment's count of settled submissions on by <paramref name="settled"/> (submissions a
    /// grade batch moved from accepted to graded or failed, by assignment).
    /// </summary>
    Task UpdateAsync(GraderDbContext db, IEnumerable<(string? AssignmentId, string? Student)> students, IReadOnlyDictionary<string, int>? settled = null,
        CancellationToken ct = default);
}
