using System.Data.Common;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Grader.Data;

/// <summary>
/// The standings' hot path as prepared statements inside the caller's open transaction (a grade
/// batch's): reading the submissions a few students made, with their current grades and
/// extensions, and writing their standings back. The SQL is the same on SQLite and PostgreSQL.
/// A full recompute and the pages go through <see cref="GraderDbContext"/>.
/// </summary>
public static class StandingRows
{
    /// <summary>
    /// Each (assignment, student)'s submissions that are not rejected, with their current grade
    /// (null fields while ungraded) and the student's extended due date, and the pair's stored standing
    /// before the update with whether the student (by <paramref name="keys"/>, their folded ids) is on
    /// the class list: one prepared query per pair.
    /// </summary>
    public static async Task<StandingRead> ReadAsync(GraderDbContext db, IReadOnlyList<(string AssignmentId, string Student)> pairs, Func<string, string> keys,
        CancellationToken ct = default)
    {
        var result = new StandingRead([], []);
        if (pairs.Count == 0)
        {
            return result;
        }

        // The second branch is one row per pair: kind 1, the stored counted score, and 1 when the student is on the class list.
        var connection = await SubmissionRows.OpenAsync(db, ct);
        await using var read = SubmissionRows.Command(connection, Transaction(db), """
            SELECT 0, s."Id", s."ReceivedAt", g."Score", g."MaxScore", g."GradedAt", g."AssignmentVersionId",
                   (SELECT e."Due" FROM extensions e WHERE e."AssignmentId" = s."AssignmentId" AND e."Student" = s."Student")
            FROM submissions s LEFT JOIN grades g ON g."SubmissionId" = s."Id" AND g."IsCurrent" = TRUE
            WHERE s."AssignmentId" = @assignment AND s."Student" = @student AND s."Status" <> 'Rejected'
            UNION ALL
            SELECT 1, 0, NULL, (SELECT t."Counted" FROM standings t WHERE t."AssignmentId" = @assignment AND t."Student" = @student), NULL, NULL,
                   CASE WHEN EXISTS (SELECT 1 FROM students k WHERE k."Key" = @key) THEN 1 ELSE 0 END, NULL
            """);
        var p = SubmissionRows.Parameters(read, "assignment", "student", "key");
        foreach (var (assignment, student) in pairs)
        {
            p[0].Value = assignment;
            p[1].Value = student;
            p[2].Value = keys(student);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (reader.GetInt32(0) == 1)
                {
                    result.Before[(assignment, student)] = new StandingBefore(reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.GetInt64(6) == 1);
                    continue;
                }

                result.Rows.Add(new StandingAttemptRow(
                    assignment, student, reader.GetInt64(1), Utc(reader.GetDateTime(2)),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    reader.IsDBNull(4) ? null : reader.GetDouble(4),
                    reader.IsDBNull(5) ? null : Utc(reader.GetDateTime(5)),
                    reader.IsDBNull(6) ? null : reader.GetInt64(6),
                    reader.IsDBNull(7) ? null : Utc(reader.GetDateTime(7))));
            }
        }

        return result;
    }

    /// <summary>
    /// Writes these standings (inserted or replaced by assignment and student), deletes the rows of
    /// the pairs in <paramref name="removed"/>, and moves each assignment's revision on, with its
    /// totals moved and its last grade time raised as given (assignments never computed in full have no marker and are left alone).
    /// </summary>
    public static async Task WriteAsync(
        GraderDbContext db,
        IReadOnlyList<StoredStanding> standings,
        IReadOnlyList<(string AssignmentId, string Student)> removed,
        IReadOnlyDictionary<string, StandingTotalsChange> assignments,
        CancellationToken ct = default)
    {
        var connection = await SubmissionRows.OpenAsync(db, ct);
        var tx = Transaction(db);
        if (standings.Count > 0)
        {
            await using var upsert = SubmissionRows.Command(connection, tx, """
                INSERT INTO standings ("AssignmentId", "Student", "StudentKey", "SubmissionId", "ReceivedAt", "Raw", "MaxScore", "Counted",
                    "Attempt", "LateTicks", "LatePenalty", "AttemptPenalty", "Attempts", "GradedVersionId", "GradedAt")
                VALUES (@assignment, @student, @key, @submission, @receivedAt, @raw, @max, @counted, @attempt, @late, @latePenalty, @attemptPenalty, @attempts, @version, @gradedAt)
                ON CONFLICT ("AssignmentId", "Student") DO UPDATE SET
                    "SubmissionId" = excluded."SubmissionId", "ReceivedAt" = excluded."ReceivedAt",
                    "Raw" = excluded."Raw", "MaxScore" = excluded."MaxScore", "Counted" = excluded."Counted", "Attempt" = excluded."Attempt",
                    "LateTicks" = excluded."LateTicks", "LatePenalty" = excluded."LatePenalty", "AttemptPenalty" = excluded."AttemptPenalty",
                    "Attempts" = excluded."Attempts", "GradedVersionId" = excluded."GradedVersionId", "GradedAt" = excluded."GradedAt"
                """);
            var p = SubmissionRows.Parameters(upsert, "assignment", "student", "key", "submission", "receivedAt", "raw", "max", "counted",
                "attempt", "late", "latePenalty", "attemptPenalty", "attempts", "version", "gradedAt");
            foreach (var s in standings)
            {
                object?[] values = [s.AssignmentId, s.Student, s.StudentKey, s.SubmissionId, Utc(s.ReceivedAt), s.Raw, s.MaxScore, s.Counted,
                    s.Attempt, s.LateTicks, s.LatePenalty, s.AttemptPenalty, s.Attempts, s.GradedVersionId, s.GradedAt is { } at ? Utc(at) : null];
                for (var i = 0; i < values.Length; i++)
                {
                    p[i].Value = values[i] ?? DBNull.Value;
                }

                await upsert.ExecuteNonQueryAsync(ct);
            }
        }

        if (removed.Count > 0)
        {
            await using var delete = SubmissionRows.Command(connection, tx, """DELETE FROM standings WHERE "AssignmentId" = @assignment AND "Student" = @student""");
            var p = SubmissionRows.Parameters(delete, "assignment", "student");
            foreach (var (assignment, student) in removed)
            {
                p[0].Value = assignment;
                p[1].Value = student;
                await delete.ExecuteNonQueryAsync(ct);
            }
        }

        await using var bump = SubmissionRows.Command(connection, tx, """
            UPDATE standings_computed SET "Revision" = "Revision" + 1, "Settled" = "Settled" + @settled,
                "Students" = "Students" + @students, "CountedSum" = "CountedSum" + @sum,
                "ListedStudents" = "ListedStudents" + @listed, "ListedSum" = "ListedSum" + @listedSum,
                "MaxAttempts" = CASE WHEN "MaxAttempts" < @attempts THEN @attempts ELSE "MaxAttempts" END
            WHERE "AssignmentId" = @assignment
            """);
        await using var raise = SubmissionRows.Command(connection, tx, """
            UPDATE standings_computed SET "LastGradedAt" = @latest
            WHERE "AssignmentId" = @assignment AND ("LastGradedAt" IS NULL OR "LastGradedAt" < @latest)
            """);
        var pb = SubmissionRows.Parameters(bump, "assignment", "settled", "students", "sum", "listed", "listedSum", "attempts");
        var pr = SubmissionRows.Parameters(raise, "assignment", "latest");
        foreach (var (assignment, change) in assignments)
        {
            object[] values = [assignment, change.Settled, change.Students, change.CountedSum, change.ListedStudents, change.ListedSum, change.MaxAttempts];
            for (var i = 0; i < values.Length; i++)
            {
                pb[i].Value = values[i];
            }

            await bump.ExecuteNonQueryAsync(ct);
            if (change.LastGradedAt is { } l)
            {
                pr[0].Value = assignment;
                pr[1].Value = Utc(l);
                await raise.ExecuteNonQueryAsync(ct);
            }
        }
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

    private static DbTransaction Transaction(GraderDbContext db) =>
        db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("The standings are written inside the caller's transaction.");

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
