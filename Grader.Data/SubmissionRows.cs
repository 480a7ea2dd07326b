using System.Data.Common;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Grader.Data;

/// <summary>
/// The two hot writes of the service as prepared statements on EF Core's own connection and
/// schema: storing a burst of incoming submissions, and storing a batch of grades. The SQL is the
/// same on SQLite and PostgreSQL; on SQLite they take turns at the <see cref="SqliteWriteGate"/>.
/// Everything else goes through <see cref="GraderDbContext"/>.
/// </summary>
public static class SubmissionRows
{
    /// <summary>Inserts submissions in one transaction and sets their ids.</summary>
    public static async Task InsertAsync(GraderDbContext db, IReadOnlyList<Submission> submissions, CancellationToken ct = default)
    {
        using var gate = await SqliteWriteGate.EnterAsync(db, ct);
        var connection = await OpenAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct); // through EF Core: its transaction interceptors see the commit
        var tx = transaction.GetDbTransaction();
        await using var insert = Command(connection, tx, """
            INSERT INTO submissions ("ReceivedAt", "Content", "ContentHash", "Source", "FileName", "AssignmentId", "Student", "AssignmentVersionId", "Status", "Reason", "Generation", "ReceiptToken")
            VALUES (@receivedAt, @content, @hash, @source, @fileName, @assignment, @student, @version, @status, @reason, @generation, @receipt)
            RETURNING "Id"
            """);
        var p = Parameters(insert, "receivedAt", "content", "hash", "source", "fileName", "assignment", "student", "version", "status", "reason", "generation", "receipt");
        foreach (var s in submissions)
        {
            object?[] values = [s.ReceivedAt, s.Content, s.ContentHash, s.Source, s.FileName, s.AssignmentId, s.Student, s.AssignmentVersionId, s.Status.ToString(), s.Reason, s.Generation, s.ReceiptToken];
            for (var i = 0; i < values.Length; i++)
            {
                p[i].Value = values[i] ?? DBNull.Value;
            }

            s.Id = Convert.ToInt64(await insert.ExecuteScalarAsync(ct));
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Stores grades and outcomes in one transaction. A grade is stored only while its submission
    /// is still at the grade's generation (a regrade may have moved it on meanwhile): the
    /// submission becomes graded, the grade current, earlier grades history. A grade for a
    /// (submission, generation) that already exists is left as it is, so a job run twice, here or
    /// on another node, stores one grade. Failures are marked failed, also only at their generation.
    /// <paramref name="beforeCommit"/> runs last inside the transaction (on <paramref name="db"/>'s connection), given the
    /// ids of the submissions this transaction settled (moved from accepted to graded or failed), for the assignments' counts.
    /// </summary>
    public static async Task StoreAsync(
        GraderDbContext db,
        IReadOnlyList<Grade> grades,
        IReadOnlyList<(long Id, int Generation)> alreadyGraded,
        IReadOnlyList<(long Id, int Generation, string Reason)> failures,
        CancellationToken ct = default,
        Func<IReadOnlyList<long>, CancellationToken, Task>? beforeCommit = null)
    {
        using var gate = await SqliteWriteGate.EnterAsync(db, ct);
        var connection = await OpenAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct); // through EF Core: its transaction interceptors see the commit
        var tx = transaction.GetDbTransaction();

        // The status update comes first: it locks the submission's row (PostgreSQL) and says
        // whether the submission is still at this generation. It is tried first on an accepted submission
        // (the usual case, one statement), which tells that this transaction settles it.
        await using var settle = Command(connection, tx, """UPDATE submissions SET "Status" = 'Graded', "Reason" = NULL WHERE "Id" = @id AND "Generation" = @generation AND "Status" = 'Accepted'""");
        await using var graded = Command(connection, tx, """UPDATE submissions SET "Status" = 'Graded', "Reason" = NULL WHERE "Id" = @id AND "Generation" = @generation""");
        await using var retire = Command(connection, tx, """UPDATE grades SET "IsCurrent" = FALSE WHERE "SubmissionId" = @id AND "IsCurrent" = TRUE AND "Generation" <> @generation""");
        await using var insert = Command(connection, tx, """
            INSERT INTO grades ("SubmissionId", "Generation", "AssignmentVersionId", "Score", "MaxScore", "ReportJson", "GradedAt", "IsCurrent")
            VALUES (@id, @generation, @version, @score, @max, @report, @gradedAt, TRUE)
            ON CONFLICT DO NOTHING
            """);
        await using var settleFailed = Command(connection, tx, """UPDATE submissions SET "Status" = 'Failed', "Reason" = @reason WHERE "Id" = @id AND "Generation" = @generation AND "Status" = 'Accepted'""");
        await using var failed = Command(connection, tx, """UPDATE submissions SET "Status" = 'Failed', "Reason" = @reason WHERE "Id" = @id AND "Generation" = @generation""");
        var settled = new List<long>();
        var ps = Parameters(settle, "id", "generation");
        var pg = Parameters(graded, "id", "generation");
        var psf = Parameters(settleFailed, "id", "generation", "reason");
        var pr = Parameters(retire, "id", "generation");
        var pi = Parameters(insert, "id", "generation", "version", "score", "max", "report", "gradedAt");
        var pf = Parameters(failed, "id", "generation", "reason");
        foreach (var g in grades)
        {
            if (!await MarkAsync(settle, ps, graded, pg, settled, g.SubmissionId, g.Generation, null, ct))
            {
                continue;
            }

            pr[0].Value = g.SubmissionId;
            pr[1].Value = g.Generation;
            await retire.ExecuteNonQueryAsync(ct);
            object[] values = [g.SubmissionId, g.Generation, g.AssignmentVersionId, g.Score, g.MaxScore, g.ReportJson, g.GradedAt];
            for (var i = 0; i < values.Length; i++)
            {
                pi[i].Value = values[i];
            }

            await insert.ExecuteNonQueryAsync(ct);
        }

        foreach (var (id, generation) in alreadyGraded)
        {
            await MarkAsync(settle, ps, graded, pg, settled, id, generation, null, ct);
        }

        foreach (var (id, generation, reason) in failures)
        {
            await MarkAsync(settleFailed, psf, failed, pf, settled, id, generation, reason, ct);
        }

        if (beforeCommit is not null)
        {
            await beforeCommit(settled, ct); // e.g. the students' standings and the assignments' counts, in the same transaction
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Marks a submission at its generation with <paramref name="first"/> (only while accepted: it is then
    /// added to <paramref name="settled"/>), else with <paramref name="again"/>; false when neither matched.
    /// </summary>
    private static async Task<bool> MarkAsync(DbCommand first, DbParameter[] pFirst, DbCommand again, DbParameter[] pAgain, List<long> settled,
        long id, int generation, string? reason, CancellationToken ct)
    {
        object?[] values = reason is null ? [id, generation] : [id, generation, reason];
        for (var i = 0; i < values.Length; i++)
        {
            pFirst[i].Value = values[i];
            pAgain[i].Value = values[i];
        }

        if (await first.ExecuteNonQueryAsync(ct) > 0)
        {
            settled.Add(id);
            return true;
        }

        return await again.ExecuteNonQueryAsync(ct) > 0;
    }

    internal static async Task<DbConnection> OpenAsync(GraderDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return db.Database.GetDbConnection();
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    internal static DbParameter[] Parameters(DbCommand command, params string[] names) =>
        [.. names.Select(n =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = n;
            command.Parameters.Add(parameter);
            return parameter;
        })];
}
