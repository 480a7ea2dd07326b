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
    /// <summary>
    /// The page of submissions <paramref name="query"/> asks for, and how many match its filters.
    /// A page past the last is the last page (the listing's query says which it is).
    /// </summary>
    public async Task<SubmissionListing> PageAsync(string assignmentId, SubmissionQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = await FilterAsync(db, assignmentId, query, ct);
        var total = query is { Student: null, Status: null, Late: null } && await SettledAsync(db, assignmentId, ct) is { } settled
            ? settled + await db.Submissions.CountAsync(s => s.AssignmentId == assignmentId && (s.Status == SubmissionStatus.Accepted || s.Status == SubmissionStatus.Rejected), ct)
            : await filtered.CountAsync(ct);
        if (query.Page > SubmissionListing.PagesOf(total, query.Size))
        {
            query = query with { Page = SubmissionListing.PagesOf(total, query.Size) };
        }

        var sorted = (query.Sort, query.Ascending) switch
        {
            ("student", true) => filtered.OrderBy(s => s.Student).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Id),
            ("student", false) => filtered.OrderByDescending(s => s.Student).ThenByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id),
            ("status", true) => filtered.OrderBy(s => s.Status).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Id),
            ("status", false) => filtered.OrderByDescending(s => s.Status).ThenByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id),
            // Ungraded rows (no current grade: waiting, failed, rejected) last in either order.
            ("score", true) => filtered.OrderBy(s => s.Grades.Any(g => g.IsCurrent) ? 0 : 1)
                .ThenBy(s => s.Grades.Where(g => g.IsCurrent).Select(g => (double?)g.Score).FirstOrDefault()).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Id),
            ("score", false) => filtered.OrderBy(s => s.Grades.Any(g => g.IsCurrent) ? 0 : 1)
                .ThenByDescending(s => s.Grades.Where(g => g.IsCurrent).Select(g => (double?)g.Score).FirstOrDefault()).ThenByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id),
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

    /// <summary>
    /// The assignment's accepted late submissions, and the most attempts (submissions not rejected) by one student.
    /// The late ones are read from the <c>(AssignmentId, ReceivedAt)</c> index after the due date (and each extended
    /// student's after theirs), not every submission; the most attempts are the stored totals' (raised by each grade
    /// batch) and, for the students with a submission waiting to be graded, theirs counted.
    /// </summary>
    public async Task<(int Late, int MaxAttempt)> CountsAsync(string assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var late = 0;
        var policy = (catalog.CurrentVersion(assignmentId) is { } v ? await catalog.GetVersionAsync(v, ct) : null)?.Policy;
        if (policy?.For(rules.Zone).Due is { } dueAt)
        {
            var due = dueAt.UtcDateTime;
            var extended = await db.Extensions.AsNoTracking().Where(e => e.AssignmentId == assignmentId).Select(e => new { e.Student, e.Due }).ToListAsync(ct);
            var names = extended.Select(e => e.Student).ToList();
            late = await db.Submissions.CountAsync(s => s.AssignmentId == assignmentId && s.ReceivedAt > due && s.Status != SubmissionStatus.Rejected
                && (s.Student == null || !names.Contains(s.Student)), ct);
            foreach (var e in extended)
            {
                late += await db.Submissions.CountAsync(s => s.AssignmentId == assignmentId && s.Student == e.Student && s.ReceivedAt > e.Due && s.Status != SubmissionStatus.Rejected, ct);
            }
        }

        var all = db.Submissions.Where(s => s.AssignmentId == assignmentId && s.Student != null && s.Status != SubmissionStatus.Rejected);
        if (await db.StandingsComputed.Where(m => m.AssignmentId == assignmentId).Select(m => (int?)m.MaxAttempts).SingleOrDefaultAsync(ct) is not { } stored)
        {
            return (late, await all.GroupBy(s => s.Student).Select(g => (int?)g.Count()).MaxAsync(ct) ?? 0);
        }

        // Not DISTINCT in SQL: SQLite would then walk the (AssignmentId, Student) index over every submission instead of the accepted ones.
        var waiting = (await db.Submissions.Where(s => s.AssignmentId == assignmentId && s.Status == SubmissionStatus.Accepted && s.Student != null)
            .Select(s => s.Student!).ToListAsync(ct)).Distinct().ToList();
        var most = waiting.Count == 0 ? 0 : await all.Where(s => waiting.Contains(s.Student!)).GroupBy(s => s.Student).Select(g => (int?)g.Count()).MaxAsync(ct) ?? 0;
        return (late, Math.Max(stored, most));
    }

    /// <summary>The assignment's stored count of settled submissions (graded or failed; null: not computed yet).</summary>
    private static Task<int?> SettledAsync(GraderDbContext db, string assignmentId, CancellationToken ct) =>
        db.StandingsComputed.Where(m => m.AssignmentId == assignmentId).Select(m => (int?)m.Settled).SingleOrDefaultAsync(ct);

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
