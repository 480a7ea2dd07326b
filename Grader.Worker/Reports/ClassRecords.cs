using Grader.Data;
using Grader.Data.Entities;
using Grader.Domain.Grading;
using Grader.Domain.Output;
using Grader.Worker.Service;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Reports;

/// <summary>
/// Reads what the TA pages and exports show. A student's grade is the current grade of their
/// latest graded submission.
/// </summary>
public sealed class ClassRecords(IDbContextFactory<GraderDbContext> dbFactory, AssignmentCatalog catalog)
{
    /// <summary>Every assignment, loaded or with submissions.</summary>
    public async Task<List<AssignmentSummary>> AssignmentsAsync(CancellationToken ct = default)
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
            var latest = LatestPerStudent(rows);
            var title = catalog.CurrentVersion(id) is { } v ? (await catalog.GetVersionAsync(v, ct))?.Title ?? id : id;
            result.Add(new AssignmentSummary(
                id, title, rows.Count(r => r.Status != SubmissionStatus.Rejected), latest.Count,
                latest.Count == 0 ? null : latest.Average(r => r.Score!.Value),
                latest.Count == 0 ? null : latest.Max(r => r.MaxScore!.Value),
                rows.Count == 0 ? null : rows.Max(r => r.GradedAt is { } g && g > r.ReceivedAt ? g : r.ReceivedAt)));
        }

        return result;
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
                s.Grades.Where(g => g.IsCurrent).Select(g => (DateTime?)g.GradedAt).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>Each student's latest graded submission (ids compared trimmed and case-folded).</summary>
    public static List<SubmissionRow> LatestPerStudent(IEnumerable<SubmissionRow> rows) =>
        [.. rows.Where(r => r.Score is not null && r.Student is not null)
            .GroupBy(r => Domain.Students.StudentIds.Key(r.Student))
            .Select(g => g.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).First())
            .OrderBy(r => r.Student, StringComparer.Ordinal)];

    /// <summary>The reports of each student's latest graded submission.</summary>
    public async Task<List<(SubmissionRow Row, GradeReport Report)>> LatestReportsAsync(string assignmentId, CancellationToken ct = default) =>
        await ReportsAsync(LatestPerStudent(await SubmissionsAsync(assignmentId, ct)), ct);

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

    /// <summary>One submission with its current report and receipt token, or null.</summary>
    public async Task<(Submission Submission, GradeReport? Report)?> SubmissionAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return null;
        }

        var json = await db.Grades.Where(g => g.SubmissionId == id && g.IsCurrent).Select(g => g.ReportJson).FirstOrDefaultAsync(ct);
        return (s, json is null ? null : GradeReportJsonReader.Read(json));
    }
}
