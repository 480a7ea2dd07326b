using Grader.Data;
using Grader.Data.Entities;
using Grader.Worker.Course;
using Grader.Worker.Settings;
using Grader.Worker.Access;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Reports;

/// <summary>
/// One page of an assignment's submissions, filtered, sorted and counted in the database (the
/// indexes on <c>(AssignmentId, ReceivedAt)</c>, <c>(AssignmentId, Status, ReceivedAt)</c> and
/// <c>(AssignmentId, Student)</c> serve it), and the course rules applied to the students on that page only.
/// </summary>
public sealed class SubmissionPaging(IDbContextFactory<GraderDbContext> dbFactory, AssignmentCatalog catalog, CourseRules rules, ClassRecords records)
{
    /// <summary>The page of submissions <paramref name="query"/> asks for, and how many match its filters.</summary>
    public async Task<SubmissionListing> PageAsync(string assignmentId, SubmissionQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = await FilterAsync(db, assignmentId, query, ct);
        var total = await filtered.CountAsync(ct);
        var sorted = (query.Sort, query.Ascending) switch
        {
            ("student", true) => filtered.OrderBy(s => s.Student).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Id),
            ("student", false) => filtered.OrderByDescending(s => s.Student).ThenByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id),
            ("status", true) => filtered.OrderBy(s => s.Status).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Id),
            ("status", false) => filtered.OrderByDescending(s => s.Status).ThenByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id),
            ("score", true) => filtered.OrderBy(s => s.Grades.Where(g => g.IsCurrent).Select(g => (double?)g.Score).FirstOrDefault() ?? -1).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Id),
            ("score", false) => filtered.OrderByDescending(s => s.Grades.Where(g => g.IsCurrent).Select(g => (double?)g.Score).FirstOrDefault() ?? -1).ThenByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id),
            (_, true) => filtered.OrderBy(s => s.ReceivedAt).ThenBy(s => s.Id),
            _ => filtered.OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id),
        };
        var rows = await Project(sorted.Skip(query.Skip).Take(query.Size)).ToListAsync(ct);
        return new SubmissionListing(query, rows, total);
    }

    /// <summary>
    /// The course rules applied to the page's students (each one's every submission read, so
    /// attempts are numbered as in the whole record): every submission of theirs by id, and the
    /// ids of the submissions that count.
    /// </summary>
    public async Task<(Dictionary<long, Domain.Policy.ScoredAttempt> Standing, HashSet<long> Counted)> StandingsAsync(string assignmentId, IReadOnlyList<SubmissionRow> page, CancellationToken ct = default)
    {
        var students = page.Where(r => r.Student is not null).Select(r => r.Student!).Distinct().ToList();
        if (students.Count == 0)
        {
            return ([], []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Project(db.Submissions.AsNoTracking().Where(s => s.AssignmentId == assignmentId && students.Contains(s.Student!))).ToListAsync(ct);
        var standing = await records.SubmissionStandingsAsync(assignmentId, rows, ct);
        var counted = (await records.StandingsAsync(assignmentId, rows, ct)).Select(s => s.Row.Id).ToHashSet();
        return (standing, counted);
    }

    /// <summary>The assignment's accepted late submissions, and the most attempts (submissions not rejected) by one student.</summary>
    public async Task<(int Late, int MaxAttempt)> CountsAsync(string assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var late = await (await FilterAsync(db, assignmentId, new SubmissionQuery(Late: true), ct)).CountAsync(s => s.Status != SubmissionStatus.Rejected, ct);
        var most = await db.Submissions.Where(s => s.AssignmentId == assignmentId && s.Student != null && s.Status != SubmissionStatus.Rejected)
            .GroupBy(s => s.Student).Select(g => (int?)g.Count()).MaxAsync(ct) ?? 0;
        return (late, most);
    }

    private async Task<IQueryable<Submission>> FilterAsync(GraderDbContext db, string assignmentId, SubmissionQuery query, CancellationToken ct)
    {
        var q = db.Submissions.AsNoTracking().Where(s => s.AssignmentId == assignmentId);
        if (query.Student is { } student)
        {
            q = q.Where(s => s.Student != null && s.Student.StartsWith(student));
        }

        if (query.Status is { } status)
        {
            q = q.Where(s => s.Status == status);
        }

        if (query.Late is { } late)
        {
            var policy = (catalog.CurrentVersion(assignmentId) is { } v ? await catalog.GetVersionAsync(v, ct) : null)?.Policy;
            if (policy?.For(rules.Zone).Due is not { } dueAt)
            {
                // Nothing is due: no submission is late.
                return late ? q.Where(s => false) : q;
            }

            var due = dueAt.UtcDateTime;
            var extended = db.Extensions.Where(e => e.AssignmentId == assignmentId);
            q = late
                ? q.Where(s => s.ReceivedAt > (extended.Where(e => e.Student == s.Student).Select(e => (DateTime?)e.Due).FirstOrDefault() ?? due))
                : q.Where(s => s.ReceivedAt <= (extended.Where(e => e.Student == s.Student).Select(e => (DateTime?)e.Due).FirstOrDefault() ?? due));
        }

        return q;
    }

    private static IQueryable<SubmissionRow> Project(IQueryable<Submission> submissions) =>
        submissions.Select(s => new SubmissionRow(
            s.Id, s.Student, s.Status, s.ReceivedAt,
            s.Grades.Where(g => g.IsCurrent).Select(g => (double?)g.Score).FirstOrDefault(),
            s.Grades.Where(g => g.IsCurrent).Select(g => (double?)g.MaxScore).FirstOrDefault(),
            s.Grades.Where(g => g.IsCurrent).Select(g => (DateTime?)g.GradedAt).FirstOrDefault(),
            s.Grades.Where(g => g.IsCurrent).Select(g => (long?)g.AssignmentVersionId).FirstOrDefault()));
}
