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
    /// transaction on <paramref name="db"/> (its connection, after its writes), and their
    /// assignments' totals (moving the settled submissions on by <paramref name="settled"/>). Null ids are skipped.
    /// On PostgreSQL each (assignment, student) is locked for the rest of the transaction first,
    /// so two nodes grading one student's submissions at once write them one after the other.
    /// </summary>
    public async Task UpdateAsync(GraderDbContext db, IEnumerable<(string? AssignmentId, string? Student)> students, IReadOnlyDictionary<string, int>? settled = null,
        CancellationToken ct = default)
    {
        var pairs = students.Where(p => p.AssignmentId is not null && p.Student is not null).Select(p => (A: p.AssignmentId!, S: p.Student!)).Distinct()
            .OrderBy(p => p.A, StringComparer.Ordinal).ThenBy(p => p.S, StringComparer.Ordinal).ToList();
        settled ??= new Dictionary<string, int>();
        if (pairs.Count == 0 && settled.Count == 0)
        {
            return;
        }

        await StandingRows.LockAsync(db, pairs, ct); // the table's lock first: it waits for a full recompute, which takes its locks in this order

        await UpdateStudentsAsync(db, pairs, settled, ct);
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
        await StandingRows.LockForRecountAsync(db, ct); // no grade's update runs in between

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
        await StandingRows.RecountAsync(db, assignmentId, ct); // the totals, from the rows just written
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Every assignment, loaded or with submissions, for the home page, from its totals in
    /// <c>standings_computed</c> (one row per assignment): its submissions are the settled ones plus
    /// those waiting to be graded, counted on the submissions' <c>(AssignmentId, Status)</c> index;
    /// its last receipt is read from the end of the <c>(AssignmentId, ReceivedAt)</c> index and its
    /// highest maximum from the end of the standings' <c>(AssignmentId, MaxScore)</c> index. Nothing
    /// is read per submission or per student. With <paramref name="classListOnly"/>, only the class list's students are counted.
    /// </summary>
    public async Task<List<AssignmentSummary>> SummariesAsync(bool classListOnly = false, CancellationToken ct = default)
    {
        await EnsureAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counted = classListOnly ? db.Standings.Where(s => db.Students.Any(st => st.Key == s.StudentKey)) : db.Standings;
        var markers = await db.StandingsComputed.AsNoTracking().Select(m => new
        {
            m.AssignmentId,
            m.LastGradedAt,
            Submissions = m.Settled + db.Submissions.Count(s => s.AssignmentId == m.AssignmentId && s.Status == SubmissionStatus.Accepted),
            Students = classListOnly ? m.ListedStudents : m.Students,
            Sum = classListOnly ? m.ListedSum : m.CountedSum,
            Last = db.Submissions.Where(s => s.AssignmentId == m.AssignmentId).Max(s => (DateTime?)s.ReceivedAt),
            Max = counted.Where(s => s.AssignmentId == m.AssignmentId).OrderByDescending(s => s.MaxScore).Select(s => (double?)s.MaxScore).FirstOrDefault(),
        }).ToDictionaryAsync(m => m.AssignmentId, ct);
        var ids = catalog.Ids.ToHashSet();
        ids.UnionWith(markers.Where(a => a.Value.Submissions > 0).Select(a => a.Key));
        var result = new List<AssignmentSummary>();
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            var assignment = catalog.CurrentVersion(id) is { } v ? await catalog.GetVersionAsync(v, ct) : null;
            var m = markers.GetValueOrDefault(id);
            var last = m?.Last;
            if (m?.LastGradedAt is { } g && (last is null || g > last))
            {
                last = g;
            }

            var students = m?.Students ?? 0;
            result.Add(new AssignmentSummary(
                id, assignment?.Title ?? id, m?.Submissions ?? 0, students, students == 0 ? null : m!.Sum / students, students == 0 ? null : m!.Max,
                last, assignment?.Policy.For(options.Value.CourseZone).Due));
        }

        return result;
    }

    /// <summary>The assignment's totals as stored (null: not computed yet).</summary>
    public async Task<StandingsComputed?> TotalsAsync(string assignmentId, CancellationToken ct = default)
    {
        await EnsureAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StandingsComputed.AsNoTracking().SingleOrDefaultAsync(m => m.AssignmentId == assignmentId, ct);
    }

    /// <summary>
    /// The first <paramref name="limit"/> stored standings of an assignment in student-id order
    /// (ordinal), read with a limit from its key's order; or, with <paramref name="keys"/>, those
    /// of the students with these folded ids (the <c>(AssignmentId, StudentKey)</c> index).
    /// </summary>
    public async Task<List<Standing>> FirstAsync(string assignmentId, int limit, IReadOnlyCollection<string>? keys = null, CancellationToken ct = default)
    {
        await EnsureAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = catalog.CurrentVersion(assignmentId);
        var q = db.Standings.AsNoTracking().Where(s => s.AssignmentId == assignmentId);
        if (keys is not null)
        {
            q = q.Where(s => keys.Contains(s.StudentKey));
        }
        else
        {
            // Ordinal order on both: SQLite compares bytes; PostgreSQL's database collation may not, its "C" does.
            q = (db.Database.IsSqlite() ? q.OrderBy(s => s.Student) : q.OrderBy(s => EF.Functions.Collate(s.Student, "C"))).Take(limit);
        }

        var rows = await q.ToListAsync(ct);
        return [.. rows.OrderBy(s => s.Student, StringComparer.Ordinal).Select(s => ToStanding(s, current))];
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

    /// <summary>The assignment's standings revision and counted students (null: not computed yet).</summary>
    public async Task<(long Revision, int Students)?> RevisionAsync(string assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.StandingsComputed.Where(m => m.AssignmentId == assignmentId).Select(m => new { m.Revision, m.Students }).SingleOrDefaultAsync(ct);
        return m is null ? null : (m.Revision, m.Students);
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
    /// (one prepared query per student, one prepared write per standing) and moves their assignments' revisions and totals on.
    /// </summary>
    private async Task UpdateStudentsAsync(GraderDbContext db, IReadOnlyList<(string A, string S)> pairs, IReadOnlyDictionary<string, int> settled, CancellationToken ct)
    {
        var read = await StandingRows.ReadAsync(db, pairs, Domain.Students.StudentIds.Key, ct);
        var byPair = read.Rows.ToLookup(r => (r.AssignmentId, r.Student));
        var written = new List<StoredStanding>();
        var removed = new List<(string, string)>();
        var changes = pairs.Select(p => p.A).Concat(settled.Keys).Distinct()
            .ToDictionary(a => a, a => new StandingTotalsChange(read.Rows.Where(r => r.AssignmentId == a).Max(r => r.GradedAt), settled.GetValueOrDefault(a)));
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

            // The assignment's totals move by the difference between the student's old and new standing.
            var before = read.Before.GetValueOrDefault((a, s)) ?? new StandingBefore(null, false);
            var students = (standing is null ? 0 : 1) - (before.Counted is null ? 0 : 1);
            var sum = (standing?.Counted ?? 0) - (before.Counted ?? 0);
            var c = changes[a];
            changes[a] = c with
            {
                Students = c.Students + students,
                CountedSum = c.CountedSum + sum,
                ListedStudents = c.ListedStudents + (before.Listed ? students : 0),
                ListedSum = c.ListedSum + (before.Listed ? sum : 0),
                MaxAttempts = Math.Max(c.MaxAttempts, byPair[(a, s)].Count()),
            };
        }

        await StandingRows.WriteAsync(db, written, removed, changes, ct);
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
        await StandingRows.WriteAsync(db, written, [], new Dictionary<string, StandingTotalsChange>(), ct);
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
