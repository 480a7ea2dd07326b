using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data;

/// <summary>
/// The standings' hot path as prepared statements inside the caller's open transaction (a grade
/// batch's): reading the submissions a few students made, with their current grades and
/// extensions, and writing their standings back (a full recompute writes through the same upsert).
/// The SQL is the same on SQLite and PostgreSQL; the pages read through <see cref="GraderDbContext"/>.
/// </summary>
public static class StandingRows
{
    // The second branch is one row per pair: kind 1, the stored counted score, 1 when the student is
    // on the class list, and the student's extended due date (looked up once, not for every submission).
    private const string Read = """
        SELECT 0, s."Id", s."ReceivedAt", g."Score", g."MaxScore", g."GradedAt", g."AssignmentVersionId", NULL
        FROM submissions s LEFT JOIN grades g ON g."SubmissionId" = s."Id" AND g."IsCurrent" = TRUE
        WHERE s."AssignmentId" = @assignment AND s."Student" = @student AND s."Status" <> 'Rejected'
        UNION ALL
        SELECT 1, 0, NULL, (SELECT t."Counted" FROM standings t WHERE t."AssignmentId" = @assignment AND t."Student" = @student), NULL, NULL,
               CASE WHEN EXISTS (SELECT 1 FROM students k WHERE k."Key" = @key) THEN 1 ELSE 0 END,
               (SELECT e."Due" FROM extensions e WHERE e."AssignmentId" = @assignment AND e."Student" = @student)
        """;

    private const string Upsert = """
        INSERT INTO standings ("AssignmentId", "Student", "StudentKey", "SubmissionId", "ReceivedAt", "Raw", "MaxScore", "Counted",
            "Attempt", "LateTicks", "LatePenalty", "AttemptPenalty", "Attempts", "GradedVersionId", "GradedAt")
        VALUES (@assignment, @student, @key, @submission, @receivedAt, @raw, @max, @counted, @attempt, @late, @latePenalty, @attemptPenalty, @attempts, @version, @gradedAt)
        ON CONFLICT ("AssignmentId", "Student") DO UPDATE SET
            "SubmissionId" = excluded."SubmissionId", "ReceivedAt" = excluded."ReceivedAt",
            "Raw" = excluded."Raw", "MaxScore" = excluded."MaxScore", "Counted" = excluded."Counted", "Attempt" = excluded."Attempt",
            "LateTicks" = excluded."LateTicks", "LatePenalty" = excluded."LatePenalty", "AttemptPenalty" = excluded."AttemptPenalty",
            "Attempts" = excluded."Attempts", "GradedVersionId" = excluded."GradedVersionId", "GradedAt" = excluded."GradedAt"
        """;

    private const string RowWritesLock = "LOCK TABLE standings IN ROW EXCLUSIVE MODE";
    private const string Delete = """DELETE FROM standings WHERE "AssignmentId" = @assignment AND "Student" = @student""";
    private const string Totals = """
        UPDATE standings_computed SET "Revision" = "Revision" + 1, "Settled" = "Settled" + @settled,
            "Students" = "Students" + @students, "CountedSum" = "CountedSum" + @sum,
            "ListedStudents" = "ListedStudents" + @listed, "ListedSum" = "ListedSum" + @listedSum,
            "MaxAttempts" = CASE WHEN "MaxAttempts" < @attempts THEN @attempts ELSE "MaxAttempts" END
        """;
    private const string OfAssignment = """
         WHERE "AssignmentId" = @assignment
        """;
    private const string Bump = Totals + OfAssignment;

    // The same, with the last grade time raised to @latest: one statement per assignment and burst
    // instead of two (a burst of a closed loop on two PostgreSQL nodes carries 8-16 submissions over 12 assignments).
    private const string BumpAndRaise = Totals + """
        , "LastGradedAt" = CASE WHEN "LastGradedAt" IS NULL OR "LastGradedAt" < @latest THEN @latest ELSE "LastGradedAt" END
        """ + OfAssignment;

    private static readonly string[] PairNames = ["assignment", "student"];
    private static readonly string[] ReadNames = ["assignment", "student", "key"];
    private static readonly string[] UpsertNames = ["assignment", "student", "key", "submission", "receivedAt", "raw", "max", "counted",
        "attempt", "late", "latePenalty", "attemptPenalty", "attempts", "version", "gradedAt"];
    private static readonly string[] BumpNames = ["assignment", "settled", "students", "sum", "listed", "listedSum", "attempts"];
    private static readonly string[] BumpAndRaiseNames = [.. BumpNames, "latest"];

    /// <summary>
    /// Each (assignment, student)'s submissions that are not rejected, with their current grade
    /// (null fields while ungraded) and the student's extended due date, and the pair's stored standing
    /// before the update with whether the student (by <paramref name="keys"/>, their folded ids) is on
    /// the class list: one prepared query per pair, all in one round trip on PostgreSQL.
    /// </summary>
    public static async Task<StandingRead> ReadAsync(GraderDbContext db, IReadOnlyList<(string AssignmentId, string Student)> pairs, Func<string, string> keys,
        CancellationToken ct = default)
    {
        var result = new StandingRead([], []);
        var extended = new Dictionary<(string, string), DateTime>();
        await using var batch = await StatementBatch.OpenAsync(db, ct);
        foreach (var (assignment, student) in pairs)
        {
            batch.Add(Read, ReadNames, assignment, student, keys(student));
        }

        await batch.QueryAsync(
            (i, reader) =>
            {
                var (assignment, student) = pairs[i];
                if (reader.GetInt32(0) == 1)
                {
                    result.Before[(assignment, student)] = new StandingBefore(reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.GetInt64(6) == 1);
                    if (!reader.IsDBNull(7))
                    {
                        extended[(assignment, student)] = Utc(reader.GetDateTime(7));
                    }

                    return;
                }

                result.Rows.Add(new StandingAttemptRow(
                    assignment, student, reader.GetInt64(1), Utc(reader.GetDateTime(2)),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    reader.IsDBNull(4) ? null : reader.GetDouble(4),
                    reader.IsDBNull(5) ? null : Utc(reader.GetDateTime(5)),
                    reader.IsDBNull(6) ? null : reader.GetInt64(6),
                    null));
            },
            ct);

        // The extended due dates (few students have one) go onto their submissions' rows.
        if (extended.Count > 0)
        {
            for (var r = 0; r < result.Rows.Count; r++)
            {
                if (extended.TryGetValue((result.Rows[r].AssignmentId, result.Rows[r].Student), out var due))
                {
                    result.Rows[r] = result.Rows[r] with { ExtendedDue = due };
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Writes these standings (inserted or replaced by assignment and student), deletes the rows of
    /// the pairs in <paramref name="removed"/>, and moves each assignment's revision on, with its
    /// totals moved and its last grade time raised as given (assignments never computed in full have
    /// no marker and are left alone); in one round trip on PostgreSQL.
    /// </summary>
    public static async Task WriteAsync(
        GraderDbContext db,
        IReadOnlyList<StoredStanding> standings,
        IReadOnlyList<(string AssignmentId, string Student)> removed,
        IReadOnlyDictionary<string, StandingTotalsChange> assignments,
        CancellationToken ct = default)
    {
        await using var batch = await StatementBatch.OpenAsync(db, ct);
        foreach (var s in standings)
        {
            batch.Add(Upsert, UpsertNames, s.AssignmentId, s.Student, s.StudentKey, s.SubmissionId, Utc(s.ReceivedAt), s.Raw, s.MaxScore, s.Counted,
                s.Attempt, s.LateTicks, s.LatePenalty, s.AttemptPenalty, s.Attempts, s.GradedVersionId, s.GradedAt is { } at ? Utc(at) : null);
        }

        foreach (var (assignment, student) in removed)
        {
            batch.Add(Delete, PairNames, assignment, student);
        }

        foreach (var (assignment, change) in assignments)
        {
            if (change.LastGradedAt is { } l)
            {
                batch.Add(BumpAndRaise, BumpAndRaiseNames, assignment, change.Settled, change.Students, change.CountedSum, change.ListedStudents, change.ListedSum, change.MaxAttempts, Utc(l));
            }
            else
            {
                batch.Add(Bump, BumpNames, assignment, change.Settled, change.Students, change.CountedSum, change.ListedStudents, change.ListedSum, change.MaxAttempts);
            }
        }

        await batch.ExecuteAsync(ct);
    }

    /// <summary>
    /// On PostgreSQL, the table lock of a transaction that writes single students' standings (a
    /// grade batch, a regrade): ROW EXCLUSIVE, which such writers share with each other and which
    /// waits for a transaction holding <see cref="LockForRecountAsync"/>. Nothing on SQLite, whose
    /// writers take turns anyway.
    /// </summary>
    public static async Task LockForRowWritesAsync(GraderDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(RowWritesLock, ct);
        }
    }

    /// <summary>
    /// On PostgreSQL, the table lock of a transaction that counts standings over the whole table
    /// (a full recompute, a class list's import): SHARE ROW EXCLUSIVE, so no single student's
    /// standing is written in between and the counts cannot miss it. Nothing on SQLite.
    /// </summary>
    public static async Task LockForRecountAsync(GraderDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE standings IN SHARE ROW EXCLUSIVE MODE", ct);
        }
    }

    /// <summary>
    /// On PostgreSQL, the locks of a transaction that writes these students' standings (a grade
    /// batch): the table's lock as <see cref="LockForRowWritesAsync"/> takes it (after a full
    /// recompute), then the transaction-scoped advisory lock of each (assignment, student), in the
    /// order of their hashes (so two transactions never wait for each other in a circle); in one
    /// round trip. Nothing on SQLite, whose writers take turns anyway.
    /// </summary>
    public static async Task LockAsync(GraderDbContext db, IReadOnlyList<(string AssignmentId, string Student)> pairs, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            return;
        }

        await using var batch = await StatementBatch.OpenAsync(db, ct);
        batch.Add(RowWritesLock, [], []);
        batch.Add(
            """SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(@keys) AS k ORDER BY 1) AS ordered""",
            ["keys"],
            [pairs.Select(p => p.AssignmentId + "\n" + p.Student).ToArray()]); // one value, a text[] (not the params array itself)
        await batch.ExecuteAsync(ct);
    }

    /// <summary>
    /// Sets the totals of one assignment's marker (null: every marker) from its rows: the settled
    /// submissions, the counted standings and their sum, those of the class list's students, and
    /// the most submissions by one student. Run by a full recompute, in its transaction.
    /// </summary>
    public static Task RecountAsync(GraderDbContext db, string? assignmentId, CancellationToken ct = default) =>
        assignmentId is null ? db.Database.ExecuteSqlRawAsync(RecountSql, ct) : db.Database.ExecuteSqlRawAsync(RecountOneSql, [assignmentId], ct);

    /// <summary>Sets every marker's class-list totals from the standings, after the class list changed (in its transaction).</summary>
    public static Task RecountListedAsync(GraderDbContext db, CancellationToken ct = default) => db.Database.ExecuteSqlRawAsync(RecountListedSql, ct);

    private const string ListedSql = """
            "ListedStudents" = (SELECT COUNT(*) FROM standings t WHERE t."AssignmentId" = standings_computed."AssignmentId"
                AND EXISTS (SELECT 1 FROM students k WHERE k."Key" = t."StudentKey")),
            "ListedSum" = COALESCE((SELECT SUM(t."Counted") FROM standings t WHERE t."AssignmentId" = standings_computed."AssignmentId"
                AND EXISTS (SELECT 1 FROM students k WHERE k."Key" = t."StudentKey")), 0)
        """;

    private const string RecountOneSql = RecountSql + """ WHERE "AssignmentId" = {0}""";

    private const string RecountListedSql = "UPDATE standings_computed SET " + ListedSql;

    private const string RecountSql = """
        UPDATE standings_computed SET
            "Settled" = (SELECT COUNT(*) FROM submissions s WHERE s."AssignmentId" = standings_computed."AssignmentId" AND s."Status" IN ('Graded', 'Failed')),
            "Students" = (SELECT COUNT(*) FROM standings t WHERE t."AssignmentId" = standings_computed."AssignmentId"),
            "CountedSum" = COALESCE((SELECT SUM(t."Counted") FROM standings t WHERE t."AssignmentId" = standings_computed."AssignmentId"), 0),
            "MaxAttempts" = COALESCE((SELECT COUNT(*) FROM submissions s WHERE s."AssignmentId" = standings_computed."AssignmentId"
                AND s."Student" IS NOT NULL AND s."Status" <> 'Rejected' GROUP BY s."Student" ORDER BY COUNT(*) DESC LIMIT 1), 0),
        """ + ListedSql;

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
