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
    /// (null fields while ungraded) and the student's extended due date, one prepared query per pair.
    /// </summary>
    public static async Task<List<StandingAttemptRow>> ReadAsync(GraderDbContext db, IReadOnlyList<(string AssignmentId, string Student)> pairs, CancellationToken ct = default)
    {
        var rows = new List<StandingAttemptRow>();
        if (pairs.Count == 0)
        {
            return rows;
        }

        var connection = await SubmissionRows.OpenAsync(db, ct);
        await using var read = SubmissionRows.Command(connection, Transaction(db), """
            SELECT s."Id", s."ReceivedAt", g."Score", g."MaxScore", g."GradedAt", g."AssignmentVersionId",
                   (SELECT e."Due" FROM extensions e WHERE e."AssignmentId" = s."AssignmentId" AND e."Student" = s."Student")
            FROM submissions s LEFT JOIN grades g ON g."SubmissionId" = s."Id" AND g."IsCurrent" = TRUE
            WHERE s."AssignmentId" = @assignment AND s."Student" = @student AND s."Status" <> 'Rejected'
            """);
        var p = SubmissionRows.Parameters(read, "assignment", "student");
        foreach (var (assignment, student) in pairs)
        {
            p[0].Value = assignment;
            p[1].Value = student;
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new StandingAttemptRow(
                    assignment, student, reader.GetInt64(0), Utc(reader.GetDateTime(1)),
                    reader.IsDBNull(2) ? null : reader.GetDouble(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    reader.IsDBNull(4) ? null : Utc(reader.GetDateTime(4)),
                    reader.IsDBNull(5) ? null : reader.GetInt64(5),
                    reader.IsDBNull(6) ? null : Utc(reader.GetDateTime(6))));
            }
        }

        return rows;
    }

    /// <summary>
    /// Writes these standings (inserted or replaced by assignment and student), deletes the rows of
    /// the pairs in <paramref name="removed"/>, and moves each assignment's revision on, with its
    /// last grade time raised to the one given (assignments never computed in full have no marker and are left alone).
    /// </summary>
    public static async Task WriteAsync(
        GraderDbContext db,
        IReadOnlyList<StoredStanding> standings,
        IReadOnlyList<(string AssignmentId, string Student)> removed,
        IReadOnlyDictionary<string, DateTime?> assignments,
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
                    "StudentKey" = excluded."StudentKey", "SubmissionId" = excluded."SubmissionId", "ReceivedAt" = excluded."ReceivedAt",
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

        await using var bump = SubmissionRows.Command(connection, tx, """UPDATE standings_computed SET "Revision" = "Revision" + 1 WHERE "AssignmentId" = @assignment""");
        await using var raise = SubmissionRows.Command(connection, tx, """
            UPDATE standings_computed SET "LastGradedAt" = @latest
            WHERE "AssignmentId" = @assignment AND ("LastGradedAt" IS NULL OR "LastGradedAt" < @latest)
            """);
        var pb = SubmissionRows.Parameters(bump, "assignment");
        var pr = SubmissionRows.Parameters(raise, "assignment", "latest");
        foreach (var (assignment, latest) in assignments)
        {
            pb[0].Value = assignment;
            await bump.ExecuteNonQueryAsync(ct);
            if (latest is { } l)
            {
                pr[0].Value = assignment;
                pr[1].Value = Utc(l);
                await raise.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private static DbTransaction Transaction(GraderDbContext db) =>
        db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("The standings are written inside the caller's transaction.");

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
