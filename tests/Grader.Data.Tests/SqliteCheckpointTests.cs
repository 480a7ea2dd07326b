using Microsoft.Data.Sqlite;

namespace Grader.Data.Tests;

public class SqliteCheckpointTests
{
    // Each transaction writes a row of 16 KB: at least five pages of the log (four of text, one of the table).
    private const int Transactions = 3_000;

    [Fact]
    public async Task Under_steady_reads_the_background_checkpoints_start_the_log_over()
    {
        using var database = new TestDatabase();
        var connectionString = SqliteDatabase.ConnectionString(database.Path);
        using var stop = new CancellationTokenSource();
        var reports = new System.Collections.Concurrent.ConcurrentQueue<CheckpointReport>();
        var checkpoints = SqliteCheckpoint.RunAsync(connectionString, TimeSpan.FromMilliseconds(5), reports.Enqueue, stop.Token);

        // A reader that is nearly always inside a read transaction, as pages and status polls are:
        // SQLite alone seldom finds a moment to start the log over, and then checkpoints inside
        // nearly every commit once the log is past its limit.
        var reading = Task.Run(() =>
        {
            using var reader = new GraderSqliteConnection { ConnectionString = connectionString };
            reader.Open();
            while (!stop.IsCancellationRequested)
            {
                using var tx = reader.BeginTransaction(deferred: true);
                Scalar(reader, "SELECT COUNT(*) FROM assignment_versions", tx);
                Thread.Sleep(1);
            }
        });

        using (var writer = new GraderSqliteConnection { ConnectionString = connectionString })
        {
            writer.Open();
            // At least the transactions above, and on until the log has been restarted (a slow disk
            // may still be copying the first pages when a fast one has finished).
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < Transactions || (!StartedOver(reports) && watch.Elapsed < TimeSpan.FromSeconds(60)); i++)
            {
                using var gate = await SqliteWriteGate.EnterAsync(database.Path);
                using var tx = writer.BeginTransaction();
                using var insert = writer.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO assignment_versions (AssignmentId, Hash, Text, SourcePath, LoadedAt, IsCurrent) VALUES ($id, 'h', $text, '', '2026-01-01', 0)";
                insert.Parameters.AddWithValue("$id", "a" + i);
                insert.Parameters.AddWithValue("$text", new string('x', 16_384));
                insert.ExecuteNonQuery();
                tx.Commit();
            }

            stop.Cancel();
            await Task.WhenAll(checkpoints, reading);

            // At least 15,000 pages were written in all: the log was restarted once it passed 4,000
            // pages, and the writes after that wrote it from its start again.
            Assert.All(reports, r => Assert.Null(r.Failure));
            Assert.All(reports.Where(r => r.Restarted), r => Assert.True(r.LogPages > SqliteCheckpoint.RestartPages));
            Assert.True(StartedOver(reports), $"the log's lengths, in pages: {string.Join(", ", reports.Select(r => r.LogPages))}");
            Assert.True((long)Scalar(writer, "SELECT COUNT(*) FROM assignment_versions", null)! >= Transactions);
        }
    }

    [Fact]
    public async Task A_file_that_cannot_be_opened_is_reported_and_tried_again_until_cancelled()
    {
        using var folder = new TempFolder();
        var missing = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder.Path, "no-such-folder", "grader.db"), Mode = SqliteOpenMode.ReadWrite }.ToString();
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var run = SqliteCheckpoint.RunAsync(missing, TimeSpan.FromMilliseconds(5), r =>
        {
            Assert.NotNull(r.Failure);
            if (Interlocked.Increment(ref failures) == 3)
            {
                stop.Cancel();
            }
        }, stop.Token);
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(failures >= 3);
    }

    /// <summary>True once a round after a restart found the log shorter than the length that restarts it.</summary>
    private static bool StartedOver(IEnumerable<CheckpointReport> reports)
    {
        var restarted = false;
        foreach (var r in reports)
        {
            if (restarted && r.LogPages < SqliteCheckpoint.RestartPages)
            {
                return true;
            }

            restarted |= r.Restarted;
        }

        return false;
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? tx)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
