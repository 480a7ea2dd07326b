using Grader.Data.Entities;
using Grader.Data;
using Grader.Domain.Grading;
using Grader.Domain.Output;
using Grader.Worker.Course;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Reports;

/// <summary>
/// Reads what the TA pages and exports show. A student's grade is the counted score of the
/// submission the course rules pick (<c>gradebook: best | latest</c>, penalties applied).
/// </summary>
public sealed class ClassRecords(IDbContextFactory<GraderDbContext> dbFactory, AssignmentCatalog catalog, CourseRules rules)
{
    /// <summary>
    /// Every assignment, loaded or with submissions. With a class list (<paramref name="classList"/>:
    /// its students' case-folded ids), the students counted and their mean are the list's only, as
    /// in the gradebook; submissions are counted whoever sent them.
    /// </summary>
    public async Task<List<AssignmentSummary>> AssignmentsAsync(IReadOnlySet<string>? classList = null, CancellationToken ct = default)
    {
        var ids = catalog.Ids.ToHashSet();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var known = await db.Submissions.Where(s => s.AssignmentId != null && s.Status != SubmissionStatus.Rejected)
            .Select(s => s.AssignmentId!).Distinct().ToListAsync(ct);
        ids.UnionWith(known);
        var result = new List<AssignmentSummary>();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            var rows = await SubmissionsAsync(id, ct);
            var assignment = catalog.CurrentVersion(id) is { } v ? await catalog.GetVersionAsync(v, ct) : null;
            var counted = (await StandingsAsync(id, rows, ct))
                .Where(c => classList is null || classList.Contains(Domain.Students.StudentIds.Key(c.Student))).ToList();
            var title = assignment?.Title ?? id;
            result.Add(new AssignmentSummary(
                id, title, rows.Count(r => r.Status != SubmissionStatus.Rejected), counted.Count,
                counted.Count == 0 ? null : counted.Average(r => r.Total),
                counted.Count == 0 ? null : counted.Max(r => r.Row.MaxScore!.Value),
                rows.Count == 0 ? null : rows.Max(r => r.GradedAt is { } g && g > r.ReceivedAt ? g : r.ReceivedAt),
                assignment?.Policy.For(rules.Zone).Due));
        }

        return result;
    }

    /// <summary>
    /// True when an assignment has any submission that was not rejected: a rejected one may name an
    /// assignment that never existed (<c>unknown assignment 'x'</c>), which makes no assignment of it.
    /// </summary>
    public async Task<bool> HasSubmissionsAsync(string assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Submissions.AnyAsync(s => s.AssignmentId == assignmentId && s.Status != SubmissionStatus.Rejected, ct);
    }

    /// <summary>The submissions of an assignment, newest first.</summary>
    public async Task<List<SubmissionRow>> SubmissionsAsync(string assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Submissions.AsNoTracking()
            .Where(s => s.AssignmentId == assignmentId)
            .OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id)
            .Select(s => new SubmissionRow(
                s.Id, s.Student, s.Status, s.ReceivedAt,
                s.Grades.Where(g => g.IsCurrent).Select(g => (double?)g.Score).FirstOrDefault(),
                s.Grades.Where(g => g.IsCurrent).Select(g => (double?)g.MaxScore).FirstOrDefault(),
                s.Grades.Where(g => g.IsCurrent).Select(g => (DateTime?)g.GradedAt).FirstOrDefault(),
                s.Grades.Where(g => g.IsCurrent).Select(g => (long?)g.AssignmentVersionId).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>Each student's latest graded submission (ids compared trimmed and case-folded).</summary>
    public static List<SubmissionRow> LatestPerStudent(IEnumerable<SubmissionRow> rows) =>
        [.. rows.Where(r => r.Score is not null && r.Student is not null)
            .GroupBy(r => Domain.Students.StudentIds.Key(r.Student))
            .Select(g => g.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).First())
            .OrderBy(r => r.Student, StringComparer.Ordinal)];

    /// <summary>
    /// Each student's standing under the assignment's current rules (by student id): the
    /// submission that counts, penalties applied. Students with no counted submission (none
    /// graded, or none within the rules) are left out.
    /// </summary>
    public async Task<List<Standing>> StandingsAsync(string assignmentId, IReadOnlyList<SubmissionRow> rows, CancellationToken ct = default)
    {
        var current = catalog.CurrentVersion(assignmentId);
        var byId = rows.ToDictionary(r => r.Id);
        return [.. (await EvaluateAsync(assignmentId, rows, ct)).Where(s => s.Standing.Counts is not null).Select(s =>
        {
            var row = byId[s.Standing.Counts!.Attempt.SubmissionId];
            return new Standing(s.Student, row, s.Standing.Counts, s.Standing.Submissions.Count, current is not null && row.GradedVersion is not null && row.GradedVersion != current);
        })];
    }

    /// <summary>Every submission of an assignment under the current rules, by submission id (attempt number, lateness, penalty, counted score).</summary>
    public async Task<Dictionary<long, Domain.Policy.ScoredAttempt>> SubmissionStandingsAsync(string assignmentId, IReadOnlyList<SubmissionRow> rows, CancellationToken ct = default) =>
        (await EvaluateAsync(assignmentId, rows, ct)).SelectMany(s => s.Standing.Submissions).ToDictionary(s => s.Attempt.SubmissionId);

    private async Task<List<(string Student, Domain.Policy.StudentStanding Standing)>> EvaluateAsync(string assignmentId, IReadOnlyList<SubmissionRow> rows, CancellationToken ct)
    {
        var policy = (catalog.CurrentVersion(assignmentId) is { } v ? await catalog.GetVersionAsync(v, ct) : null)?.Policy ?? Domain.Policy.CoursePolicy.None;
        var extensions = policy.Due is null ? [] : (await rules.ExtensionsAsync(assignmentId, ct)).ToDictionary(e => e.Student, e => new DateTimeOffset(e.Due, TimeSpan.Zero));
        return [.. rows.Where(r => r.Student is not null && r.Status != SubmissionStatus.Rejected).GroupBy(r => r.Student!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Domain.Policy.PolicyEvaluator.Stand(policy, rules.Zone,
                g.Select(r => new Domain.Policy.Attempt(r.Id, new DateTimeOffset(r.ReceivedAt, TimeSpan.Zero), r.Score, r.MaxScore)),
                extensions.TryGetValue(g.Key, out var e) ? e : null)))];
    }

    /// <summary>Each student's counted submission with its report.</summary>
    public async Task<List<(Standing Standing, GradeReport Report)>> CountedReportsAsync(string assignmentId, CancellationToken ct = default)
    {
        var standings = await StandingsAsync(assignmentId, await SubmissionsAsync(assignmentId, ct), ct);
        var reports = (await ReportsAsync([.. standings.Select(s => s.Row)], ct)).ToDictionary(r => r.Row.Id, r => r.Report);
        return [.. standings.Where(s => reports.ContainsKey(s.Row.Id)).Select(s => (s, reports[s.Row.Id]))];
    }

    /// <summary>The current reports of graded submissions, in the rows' order.</summary>
    public async Task<List<(SubmissionRow Row, GradeReport Report)>> ReportsAsync(IReadOnlyList<SubmissionRow> rows, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var json = new Dictionary<long, string>();
        foreach (var chunk in rows.Select(r => r.Id).Chunk(1000))
        {
            foreach (var g in await db.Grades.AsNoTracking().Where(g => chunk.Contains(g.SubmissionId) && g.IsCurrent)
                         .Select(g => new { g.SubmissionId, g.ReportJson }).ToListAsync(ct))
            {
                json[g.SubmissionId] = g.ReportJson;
            }
        }

        return [.. rows.Where(r => json.ContainsKey(r.Id)).Select(r => (r, GradeReportJsonReader.Read(json[r.Id])))];
    }

    /// <summary>Which version a submission's current grade used, and which is current now.</summary>
    public async Task<VersionNote> VersionNoteAsync(string? assignmentId, IReadOnlyList<GradeHistoryEntry> history, CancellationToken ct = default)
    {
        var current = assignmentId is null ? null : catalog.CurrentVersion(assignmentId);
        return new VersionNote(
            history.LastOrDefault(h => h.IsCurrent)?.AssignmentVersionId,
            current,
            current is { } c ? await catalog.LoadedAtAsync(c, ct) : null);
    }
}
