using Grader.Data;
using Grader.Data.Entities;
using Grader.Domain.Grading;
using Grader.Domain.Policy;
using Grader.Worker.Course;
using Grader.Worker.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Reports;

/// <summary>
/// Keeps each student's counted standing per assignment in the <c>standings</c> table, so the
/// home page and the gradebook read one row per student instead of every submission. A grade, an
/// override or an extension updates its students' rows in its own transaction
/// (<see cref="UpdateAsync"/>); a change of rules (a new current version) or a database of an
/// earlier release, which has no <c>standings_computed</c> row for the assignment, recomputes the
/// assignment's rows in full (<see cref="EnsureAsync"/>, at start and before each read).
/// The rules are <see cref="ClassRecords"/>'s (<see cref="PolicyEvaluator.Stand"/>), so a stored
/// standing equals the recomputed one.
/// </summary>
public sealed class StandingStore(IDbContextFactory<GraderDbContext> dbFactory, AssignmentCatalog catalog, IOptions<GraderOptions> options)
    : IStandingUpdates
{
    private readonly SemaphoreSlim ensuring = new(1, 1);
    private volatile string? ensuredFor;

    /// <summary>
    /// Recomputes the standings of these students (assignment, student) inside the caller's
    /// transaction on <paramref name="db"/> (its connection, after its writes). Null ids are skipped.
    /// On PostgreSQL each (assignment, student) is locked for the rest of the transaction first,
    /// so two nodes grading one student's submissions at once write them one after the other.
    /// </summary>
    public async Task UpdateAsync(GraderDbContext db, IEnumerable<(string? AssignmentId, string? Student)> students, CancellationToken ct = default)
    {
        var pairs = students.Where(p => p.AssignmentId is not null && p.Student is not null).Select(p => (A: p.AssignmentId!, S: p.Student!)).Distinct()
            .OrderBy(p => p.A, StringComparer.Ordinal).ThenBy(p => p.S, StringComparer.Ordinal).ToList();
        if (!db.Database.IsSqlite() && pairs.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"LOCK TABLE standings IN ROW EXCLUSIVE MODE", ct); // waits for a full recompute first, as it takes its locks in this order
            await StandingRows.LockAsync(db, pairs, ct);
        }

        if (pairs.Count > 0)
        {
            await UpdateStudentsAsync(db, pairs, ct);
        }
    }

    /// <summary>
    /// Recomputes every assignment whose standings were never computed or were computed under other
    /// rules than the current version's. Once done, nothing is read again until this node's catalog
    /// changes (a new current version of an assignment).
    /// </summary>
    public async Task EnsureAsync(CancellationToken ct = default)
    {
        var catalogNow = string.Join("\n", catalog.Ids.Select(id => $"{id}={catalog.CurrentVersion(id)}"));
        if (ensuredFor == catalogNow)
        {
            return;
        }

        List<string> stale;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            stale = await StaleAsync(db, ct);
        }

        if (stale.Count == 0)
        {
            ensuredFor = catalogNow;
            return;
        }

        await ensuring.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            foreach (var id in await StaleAsync(db, ct))
            {
                await RecomputeAsync(id, ct);
            }

            ensuredFor = catalogNow;
        }
        finally
        {
            ensuring.Release();
        }
    }

    /// <summary>Recomputes every standing of an assignment from its submissions, in one transaction, under its current rules.</summary>
    public async Task RecomputeAsync(string assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        using var gate = await SqliteWriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlAsync($"LOCK TABLE standings IN SHARE ROW EXCLUSIVE MODE", ct); // no grade's update runs in between
        }

        await ComputeAllAsync(db, assignmentId, ct);
        var marker = await db.StandingsComputed.SingleOrDefaultAsync(m => m.AssignmentId == assignmentId, ct);
        if (marker is null)
        {
            marker = new StandingsComputed { AssignmentId = assignmentId };
            db.StandingsComputed.Add(marker);
        }

        marker.Revision++;
        marker.RulesVersionId = catalog.CurrentVersion(assignmentId);
        marker.ComputedAt = DateTime.UtcNow;
        marker.LastGradedAt = await db.Grades.Where(g => g.IsCurrent && g.Submission!.AssignmentId == assignmentId).MaxAsync(g => (DateTime?)g.GradedAt, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Every assignment, loaded or with submissions, for the home page: submissions counted with
    /// one grouped query, students and means grouped from the stored standings (one row per
    /// assignment read). With <paramref name="classListOnly"/>, only the class list's students are counted.
    /// </summary>
    public async Task<List<AssignmentSummary>> SummariesAsync(bool classListOnly = false, CancellationToken ct = default)
    {
        await EnsureAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var activity = await db.Submissions.Where(s => s.AssignmentId != null).GroupBy(s => s.AssignmentId!)
            .Select(g => new { Id = g.Key, Count = g.Count(s => s.Status != SubmissionStatus.Rejected), Last = g.Max(s => s.ReceivedAt) })
            .ToDictionaryAsync(a => a.Id, ct);
        var graded = await db.StandingsComputed.AsNoTracking().ToDictionaryAsync(m => m.AssignmentId, m => m.LastGradedAt, ct);
        var counted = db.Standings.AsNoTracking();
        if (classListOnly)
        {
            counted = counted.Where(s => db.Students.Any(st => st.Key == s.StudentKey));
        }

        var standings = await counted.GroupBy(s => s.AssignmentId)
            .Select(g => new { Id = g.Key, Count = g.Count(), Mean = g.Average(s => s.Counted), Max = g.Max(s => s.MaxScore) })
            .ToDictionaryAsync(s => s.Id, ct);
        var ids = catalog.Ids.ToHashSet();
        ids.UnionWith(activity.Where(a => a.Value.Count > 0).Select(a => a.Key));
        var result = new List<AssignmentSummary>();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            var assignment = catalog.CurrentVersion(id) is { } v ? await catalog.GetVersionAsync(v, ct) : null;
            var c = standings.GetValueOrDefault(id);
            DateTime? last = activity.TryGetValue(id, out var a) ? a.Last : null;
            if (graded.GetValueOrDefault(id) is { } g && (last is null || g > last))
            {
                last = g;
            }

            result.Add(new AssignmentSummary(
                id, assignment?.Title ?? id, a?.Count ?? 0, c?.Count ?? 0, c?.Mean, c?.Max,
                last, assignment?.Policy.For(options.Value.CourseZone).Due));
        }

        return result;
    }

    /// <summary>Each student's stored standing on an assignment, in student-id order.</summary>
    public async Task<List<Standing>> StandingsAsync(string assignmentId, CancellationToken ct = default)
    {
        await EnsureAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = catalog.CurrentVersion(assignmentId);
        var rows = await db.Standings.AsNoTracking().Where(s => s.AssignmentId == assignmentId).ToListAsync(ct);
        return [.. rows.OrderBy(s => s.Student, StringComparer.Ordinal).Select(s => ToStanding(s, current))];
    }

    /// <summary>Each student's stored standing with its counted submission's report (as <see cref="ClassRecords.CountedReportsAsync"/>, without reading every submission).</summary>
    public async Task<List<(Standing Standing, GradeReport Report)>> CountedReportsAsync(string assignmentId, ClassRecords records, CancellationToken ct = default)
    {
        var standings = await StandingsAsync(assignmentId, ct);
        var reports = (await records.ReportsAsync([.. standings.Select(s => s.Row)], ct)).ToDictionary(r => r.Row.Id, r => r.Report);
        return [.. standings.Where(s => reports.ContainsKey(s.Row.Id)).Select(s => (s, reports[s.Row.Id]))];
    }

    /// <summary>The assignment's standings revision (null: not computed yet).</summary>
    public async Task<long?> RevisionAsync(string assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StandingsComputed.Where(m => m.AssignmentId == assignmentId).Select(m => (long?)m.Revision).SingleOrDefaultAsync(ct);
    }

    /// <summary>How many students have a stored standing on the assignment.</summary>
    public async Task<int> CountAsync(string assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Standings.CountAsync(s => s.AssignmentId == assignmentId, ct);
    }

    /// <summary>A stored row as the pages' <see cref="Standing"/>.</summary>
    public static Standing ToStanding(StoredStanding s, long? currentVersion)
    {
        var received = new DateTimeOffset(DateTime.SpecifyKind(s.ReceivedAt, DateTimeKind.Utc));
        var row = new SubmissionRow(s.SubmissionId, s.Student, SubmissionStatus.Graded, s.ReceivedAt, s.Raw, s.MaxScore, s.GradedAt, s.GradedVersionId);
        var admission = new Admission(true, null, s.Attempt, TimeSpan.FromTicks(s.LateTicks), s.LatePenalty, s.AttemptPenalty);
        return new Standing(s.Student, row, new ScoredAttempt(new Attempt(s.SubmissionId, received, s.Raw, s.MaxScore), admission, s.Counted), s.Attempts,
            currentVersion is not null && s.GradedVersionId is not null && s.GradedVersionId != currentVersion);
    }

    private async Task<List<string>> StaleAsync(GraderDbContext db, CancellationToken ct)
    {
        var markers = await db.StandingsComputed.AsNoTracking().ToDictionaryAsync(m => m.AssignmentId, m => m.RulesVersionId, ct);
        var ids = catalog.Ids.ToHashSet();
        ids.UnionWith(await db.Submissions.Where(s => s.AssignmentId != null).Select(s => s.AssignmentId!).Distinct().ToListAsync(ct));
        return [.. ids.Where(id => !markers.TryGetValue(id, out var v) || v != catalog.CurrentVersion(id)).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Recomputes, on <paramref name="db"/> and inside its transaction, the rows of these students
    /// (one prepared query per student, one prepared write per standing) and moves their assignments' revisions on.
    /// </summary>
    private async Task UpdateStudentsAsync(GraderDbContext db, IReadOnlyList<(string A, string S)> pairs, CancellationToken ct)
    {
        var rows = await StandingRows.ReadAsync(db, pairs, ct);
        var byPair = rows.ToLookup(r => (r.AssignmentId, r.Student));
        var written = new List<StoredStanding>();
        var removed = new List<(string, string)>();
        foreach (var (a, s) in pairs)
        {
            var standing = await StandAsync(a, s, byPair[(a, s)], ct);
            if (standing is null)
            {
                removed.Add((a, s));
            }
            else
            {
                written.Add(standing);
            }
        }

        var latest = pairs.Select(p => p.A).Distinct().ToDictionary(a => a, a => rows.Where(r => r.AssignmentId == a).Max(r => r.GradedAt));
        await StandingRows.WriteAsync(db, written, removed, latest, ct);
    }

    /// <summary>Recomputes every row of an assignment on <paramref name="db"/>, inside its transaction (its marker is the caller's).</summary>
    private async Task ComputeAllAsync(GraderDbContext db, string assignmentId, CancellationToken ct)
    {
        // One scalar subquery per column (each served by the grades' (SubmissionId, IsCurrent) index): a projected
        // FirstOrDefault would be a join with a window over every grade of the course.
        var rows = await db.Submissions.AsNoTracking()
            .Where(s => s.AssignmentId == assignmentId && s.Student != null && s.Status != SubmissionStatus.Rejected)
            .Select(s => new
            {
                s.Id, Student = s.Student!, s.ReceivedAt,
                Score = s.Grades.Where(g => g.IsCurrent).Select(g => (double?)g.Score).FirstOrDefault(),
                MaxScore = s.Grades.Where(g => g.IsCurrent).Select(g => (double?)g.MaxScore).FirstOrDefault(),
                GradedAt = s.Grades.Where(g => g.IsCurrent).Select(g => (DateTime?)g.GradedAt).FirstOrDefault(),
                Version = s.Grades.Where(g => g.IsCurrent).Select(g => (long?)g.AssignmentVersionId).FirstOrDefault(),
            }).ToListAsync(ct);
        var due = await db.Extensions.AsNoTracking().Where(e => e.AssignmentId == assignmentId).ToDictionaryAsync(e => e.Student, e => (DateTime?)e.Due, ct);
        var written = new List<StoredStanding>();
        foreach (var g in rows.GroupBy(r => r.Student))
        {
            var attempts = g.Select(r => new StandingAttemptRow(assignmentId, g.Key, r.Id, r.ReceivedAt, r.Score, r.MaxScore, r.GradedAt, r.Version, due.GetValueOrDefault(g.Key)));
            if (await StandAsync(assignmentId, g.Key, attempts, ct) is { } standing)
            {
                written.Add(standing);
            }
        }

        await db.Standings.Where(s => s.AssignmentId == assignmentId).ExecuteDeleteAsync(ct);
        await StandingRows.WriteAsync(db, written, [], new Dictionary<string, DateTime?>(), ct);
    }

    /// <summary>A student's counted standing on an assignment from their submissions, under its current rules (null: nothing counts).</summary>
    private async Task<StoredStanding?> StandAsync(string assignmentId, string student, IEnumerable<StandingAttemptRow> submissions, CancellationToken ct)
    {
        var rows = submissions.ToList();
        var policy = (catalog.CurrentVersion(assignmentId) is { } v ? await catalog.GetVersionAsync(v, ct) : null)?.Policy ?? CoursePolicy.None;
        var due = rows.Select(r => r.ExtendedDue).FirstOrDefault(d => d is not null);
        var standing = PolicyEvaluator.Stand(policy, options.Value.CourseZone,
            rows.Select(r => new Attempt(r.SubmissionId, new DateTimeOffset(DateTime.SpecifyKind(r.ReceivedAt, DateTimeKind.Utc)), r.Score, r.MaxScore)),
            policy.Due is not null && due is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null);
        if (standing.Counts is not { } counts)
        {
            return null;
        }

        var row = rows.First(r => r.SubmissionId == counts.Attempt.SubmissionId);
        return new StoredStanding
        {
            AssignmentId = assignmentId,
            Student = student,
            StudentKey = Domain.Students.StudentIds.Key(student),
            SubmissionId = row.SubmissionId,
            ReceivedAt = row.ReceivedAt,
            Raw = row.Score!.Value,
            MaxScore = row.MaxScore ?? 0,
            Counted = counts.Counted!.Value,
            Attempt = counts.Admission.Attempt,
            LateTicks = counts.Admission.Late.Ticks,
            LatePenalty = counts.Admission.LatePenalty,
            AttemptPenalty = counts.Admission.AttemptPenalty,
            Attempts = standing.Submissions.Count,
            GradedVersionId = row.GradedVersionId,
            GradedAt = row.GradedAt,
        };
    }
}
