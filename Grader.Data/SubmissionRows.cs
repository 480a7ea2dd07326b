using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data;

/// <summary>
/// The two hot writes of the service as prepared statements on EF Core's own connection and
/// schema: storing a burst of incoming submissions, and storing a batch of grades. The SQL is the
/// same on SQLite and PostgreSQL; on SQLite they take turns at the <see cref="SqliteWriteGate"/>.
/// Everything else goes through <see cref="GraderDbContext"/>.
/// </summary>
public static class SubmissionRows
{
    private const string Insert = """
        INSERT INTO submissions ("ReceivedAt", "Content", "ContentHash", "Source", "FileName", "AssignmentId", "Student", "AssignmentVersionId", "Status", "Reason", "Generation", "ReceiptToken")
        VALUES (@receivedAt, @content, @hash, @source, @fileName, @assignment, @student, @version, @status, @reason, @generation, @receipt)
        RETURNING "Id"
        """;

    // The status update comes first: it locks the submission's row (PostgreSQL). It is tried first
    // on an accepted submission, which tells that this transaction settles it (for the assignment's
    // counts); the second update then covers a failed one. It leaves a graded row alone (graded is
    // only ever written with no reason, so there is nothing to change), which spares every graded
    // submission a second row version. The grade's two statements check the generation
    // themselves (a grade for a generation already graded is left as it is), so all of them can be
    // sent in one round trip.
    private const string Settle = """UPDATE submissions SET "Status" = 'Graded', "Reason" = NULL WHERE "Id" = @id AND "Generation" = @generation AND "Status" = 'Accepted'""";
    private const string MarkGraded = """UPDATE submissions SET "Status" = 'Graded', "Reason" = NULL WHERE "Id" = @id AND "Generation" = @generation AND "Status" <> 'Graded'""";
    private const string Retire = """
        UPDATE grades SET "IsCurrent" = FALSE WHERE "SubmissionId" = @id AND "IsCurrent" = TRUE AND "Generation" <> @generation
            AND EXISTS (SELECT 1 FROM submissions WHERE "Id" = @id AND "Generation" = @generation)
        """;
    private const string InsertGrade = """
        INSERT INTO grades ("SubmissionId", "Generation", "AssignmentVersionId", "Score", "MaxScore", "ReportJson", "GradedAt", "IsCurrent")
        SELECT @id, @generation, @version, @score, @max, @report, @gradedAt, TRUE
        WHERE EXISTS (SELECT 1 FROM submissions WHERE "Id" = @id AND "Generation" = @generation)
        ON CONFLICT DO NOTHING
        """;
    private const string SettleFailed = """UPDATE submissions SET "Status" = 'Failed', "Reason" = @reason WHERE "Id" = @id AND "Generation" = @generation AND "Status" = 'Accepted'""";
    private const string MarkFailed = """UPDATE submissions SET "Status" = 'Failed', "Reason" = @reason WHERE "Id" = @id AND "Generation" = @generation""";

    private static readonly string[] InsertNames = ["receivedAt", "content", "hash", "source", "fileName", "assignment", "student", "version", "status", "reason", "generation", "receipt"];
    private static readonly string[] IdNames = ["id", "generation"];
    private static readonly string[] GradeNames = ["id", "generation", "version", "score", "max", "report", "gradedAt"];
    private static readonly string[] FailedNames = ["id", "generation", "reason"];

    /// <summary>
    /// Inserts submissions in one transaction (one round trip on PostgreSQL) and sets their ids.
    /// <paramref name="beforeCommit"/> runs last inside the transaction, on <paramref name="db"/>'s
    /// connection, once the ids are set (grading at intake stores the grades there).
    /// </summary>
    public static async Task InsertAsync(GraderDbContext db, IReadOnlyList<Submission> submissions, CancellationToken ct = default,
        Func<CancellationToken, Task>? beforeCommit = null)
    {
        using var gate = await SqliteWriteGate.EnterAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct); // through EF Core: its transaction interceptors see the commit
        await using var batch = await StatementBatch.OpenAsync(db, ct);
        foreach (var s in submissions)
        {
            batch.Add(Insert, InsertNames,
                s.ReceivedAt, s.Content, s.ContentHash, s.Source, s.FileName, s.AssignmentId, s.Student, s.AssignmentVersionId, s.Status.ToString(), s.Reason, s.Generation, s.ReceiptToken);
        }

        await batch.QueryAsync((i, row) => submissions[i].Id = row.GetInt64(0), ct);
        if (beforeCommit is not null)
        {
            await beforeCommit(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Stores grades and outcomes in one transaction (its statements in one round trip on
    /// PostgreSQL). A grade is stored only while its submission is still at the grade's generation
    /// (a regrade may have moved it on meanwhile): the submission becomes graded, the grade
    /// current, earlier grades history. A grade for a (submission, generation) that already exists
    /// is left as it is, so a job run twice, here or on another node, stores one grade. Failures
    /// are marked failed, also only at their generation.
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
        await using var transaction = await db.Database.BeginTransactionAsync(ct); // through EF Core: its transaction interceptors see the commit
        var settled = new List<long>();
        await using (var batch = await StatementBatch.OpenAsync(db, ct))
        {
            var settling = new List<(int Statement, long Id)>();
            foreach (var g in grades)
            {
                settling.Add((batch.Count, g.SubmissionId));
                batch.Add(Settle, IdNames, g.SubmissionId, g.Generation);
                batch.Add(MarkGraded, IdNames, g.SubmissionId, g.Generation);
                if (g.Generation > 0)
                {
                    batch.Add(Retire, IdNames, g.SubmissionId, g.Generation); // generations only grow: at 0 there is no earlier grade to retire
                }

                batch.Add(InsertGrade, GradeNames, g.SubmissionId, g.Generation, g.AssignmentVersionId, g.Score, g.MaxScore, g.ReportJson, g.GradedAt);
            }

            foreach (var (id, generation) in alreadyGraded)
            {
                settling.Add((batch.Count, id));
                batch.Add(Settle, IdNames, id, generation);
                batch.Add(MarkGraded, IdNames, id, generation);
            }

            foreach (var (id, generation, reason) in failures)
            {
                settling.Add((batch.Count, id));
                batch.Add(SettleFailed, FailedNames, id, generation, reason);
                batch.Add(MarkFailed, FailedNames, id, generation, reason);
            }

            var affected = await batch.ExecuteAsync(ct);
            settled.AddRange(settling.Where(s => affected[s.Statement] > 0).Select(s => s.Id));
        }

        if (beforeCommit is not null)
        {
            await beforeCommit(settled, ct); // e.g. the students' standings and the assignments' counts, in the same transaction
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The first grades of submissions this transaction inserted already settled (graded at intake: inserted graded or
    /// failed, so there is nothing to settle or retire, unlike <see cref="StoreAsync"/>), inside the caller's transaction
    /// on <paramref name="db"/> (and, on SQLite, under the write gate it holds); one round trip on PostgreSQL.
    /// </summary>
    public static async Task InsertFirstGradesAsync(GraderDbContext db, IReadOnlyList<Grade> grades, CancellationToken ct = default)
    {
        if (grades.Count == 0)
        {
            return;
        }

        await using var batch = await StatementBatch.OpenAsync(db, ct);
        foreach (var g in grades)
        {
            batch.Add(InsertGrade, GradeNames, g.SubmissionId, g.Generation, g.AssignmentVersionId, g.Score, g.MaxScore, g.ReportJson, g.GradedAt);
        }

        await batch.ExecuteAsync(ct);
    }
}
