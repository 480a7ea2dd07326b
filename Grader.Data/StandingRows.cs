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
    private const string Read = """
        SELECT s."Id", s."ReceivedAt", g."Score", g."MaxScore", g."GradedAt", g."AssignmentVersionId",
               (SELECT e."Due" FROM extensions e WHERE e."AssignmentId" = s."AssignmentId" AND e."Student" = s."Student")
        FROM submissions s LEFT JOIN grades g ON g."SubmissionId" = s."Id" AND g."IsCurrent" = TRUE
        WHERE s."AssignmentId" = @assignment AND s."Student" = @student AND s."Status" <> 'Rejected'
        """;

    private const string Upsert = """
        INSERT INTO standings ("AssignmentId", "Student", "StudentKey", "SubmissionId", "ReceivedAt", "Raw", "MaxScore", "Counted",
            "Attempt", "LateTicks", "LatePenalty", "AttemptPenalty", "Attempts", "GradedVersionId", "GradedAt")
        VALUES (@assignment, @student, @key, @submission, @receivedAt, @raw, @max, @counted, @attempt, @late, @latePenalty, @attemptPenalty, @attempts, @version, @gradedAt)
        ON CONFLICT ("AssignmentId", "Student") DO UPDATE SET
            "StudentKey" = excluded."StudentKey", "SubmissionId" = excluded."SubmissionId", "ReceivedAt" = excluded."ReceivedAt",
            "Raw" = excluded."Raw", "MaxScore" = excluded."MaxScore", "Counted" = excluded."Counted", "Attempt" = excluded."Attempt",
            "LateTicks" = excluded."LateTicks", "LatePenalty" = excluded."LatePenalty", "AttemptPenalty" = excluded."AttemptPenalty",
            "Attempts" = excluded."Attempts", "GradedVersionId" = excluded."GradedVersionId", "GradedAt" = excluded."GradedAt"
        """;

    private const string Delete = """DELETE FROM standings WHERE "AssignmentId" = @assignment AND "Student" = @student""";
    private const string Bump = """UPDATE standings_computed SET "Revision" = "Revision" + 1 WHERE "AssignmentId" = @assignment""";
    private const string Raise = """
        UPDATE standings_computed SET "LastGradedAt" = @latest
        WHERE "AssignmentId" = @assignment AND ("LastGradedAt" IS NULL OR "LastGradedAt" < @latest)
        """;

    private static readonly string[] PairNames = ["assignment", "student"];
    private static readonly string[] UpsertNames = ["assignment", "student", "key", "submission", "receivedAt", "raw", "max", "counted",
        "attempt", "late", "latePenalty", "attemptPenalty", "attempts", "version", "gradedAt"];
    private static readonly string[] BumpNames = ["assignment"];
    private static readonly string[] RaiseNames = ["assignment", "latest"];

    /// <summary>
    /// Each (assignment, student)'s submissions that are not rejected, with their current grade
    /// (null fields while ungraded) and the student's extended due date: one prepared query per
    /// pair, all in one round trip on PostgreSQL.
    /// </summary>
    public static async Task<List<StandingAttemptRow>> ReadAsync(GraderDbContext db, IReadOnlyList<(string AssignmentId, string Student)> pairs, CancellationToken ct = default)
    {
        var rows = new List<StandingAttemptRow>();
        var connection = await SubmissionRows.OpenAsync(db, ct);
        await using var batch = new StatementBatch(connection, Transaction(db));
        foreach (var (assignment, student) in pairs)
        {
            batch.Add(Read, PairNames, assignment, student);
        }

        await batch.QueryAsync(
            (i, reader) => rows.Add(new StandingAttemptRow(
                pairs[i].AssignmentId, pairs[i].Student, reader.GetInt64(0), Utc(reader.GetDateTime(1)),
                reader.IsDBNull(2) ? null : reader.GetDouble(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3),
                reader.IsDBNull(4) ? null : Utc(reader.GetDateTime(4)),
                reader.IsDBNull(5) ? null : reader.GetInt64(5),
                reader.IsDBNull(6) ? null : Utc(reader.GetDateTime(6)))),
            ct);
        return rows;
    }

    /// <summary>
    /// Writes these standings (inserted or replaced by assignment and student), deletes the rows of
    /// the pairs in <paramref name="removed"/>, and moves each assignment's revision on, with its
    /// last grade time raised to the one given (assignments never computed in full have no marker
    /// and are left alone); in one round trip on PostgreSQL.
    /// </summary>
    public static async Task WriteAsync(
        GraderDbContext db,
        IReadOnlyList<StoredStanding> standings,
        IReadOnlyList<(string AssignmentId, string Student)> removed,
        IReadOnlyDictionary<string, DateTime?> assignments,
        CancellationToken ct = default)
    {
        var connection = await SubmissionRows.OpenAsync(db, ct);
        await using var batch = new StatementBatch(connection, Transaction(db));
        foreach (var s in standings)
        {
            batch.Add(Upsert, UpsertNames, s.AssignmentId, s.Student, s.StudentKey, s.SubmissionId, Utc(s.ReceivedAt), s.Raw, s.MaxScore, s.Counted,
                s.Attempt, s.LateTicks, s.LatePenalty, s.AttemptPenalty, s.Attempts, s.GradedVersionId, s.GradedAt is { } at ? Utc(at) : null);
        }

        foreach (var (assignment, student) in removed)
        {
            batch.Add(Delete, PairNames, assignment, student);
        }

        foreach (var (assignment, latest) in assignments)
        {
            batch.Add(Bump, BumpNames, assignment);
            if (latest is { } l)
            {
                batch.Add(Raise, RaiseNames, assignment, Utc(l));
            }
        }

        await batch.ExecuteAsync(ct);
    }

    /// <summary>
    /// On PostgreSQL, takes the transaction-scoped advisory lock of each (assignment, student), in
    /// the order of their hashes (so two transactions never wait for each other in a circle), in one statement.
    /// </summary>
    public static async Task LockAsync(GraderDbContext db, IReadOnlyList<(string AssignmentId, string Student)> pairs, CancellationToken ct = default)
    {
        var connection = await SubmissionRows.OpenAsync(db, ct);
        await using var batch = new StatementBatch(connection, Transaction(db));
        batch.Add(
            """SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(@keys) AS k ORDER BY 1) AS ordered""",
            ["keys"],
            [pairs.Select(p => p.AssignmentId + "\n" + p.Student).ToArray()]); // one value, a text[] (not the params array itself)
        await batch.QueryAsync((_, _) => { }, ct);
    }

    private static DbTransaction Transaction(GraderDbContext db) =>
        db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("The standings are written inside the caller's transaction.");

    private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
