using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data.Tests;

public class SqliteSettingsTests
{
    [Fact]
    public void The_database_is_in_WAL_mode_and_commits_with_synchronous_FULL()
    {
        using var database = new TestDatabase();
        using var db = database.Context();
        db.Database.OpenConnection();
        var connection = db.Database.GetDbConnection();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal(2L, Scalar(connection, "PRAGMA synchronous")); // 2 = FULL
    }

    [Theory]
    [InlineData(5)]
    [InlineData(30)]
    [InlineData(120)]
    public void A_busy_database_is_waited_for_in_small_steps_not_whole_seconds(int holdMs)
    {
        using var database = new TestDatabase();
        using var holder = new GraderSqliteConnection { ConnectionString = new SqliteConnectionStringBuilder { DataSource = database.Path, Pooling = false }.ToString() };
        using var waiter = new GraderSqliteConnection { ConnectionString = holder.ConnectionString };
        holder.Open();
        waiter.Open();
        using var tx = holder.BeginTransaction();
        Execute(holder, "INSERT INTO assignment_versions (AssignmentId, Hash, Text, SourcePath, LoadedAt, IsCurrent) VALUES ('a', 'h', '', '', '2026-01-01', 1)", tx);

        // The waiter has a thread of its own and the holder sleeps on this one, so no thread-pool
        // delay (other tests may hold every pool thread of a 2-core machine) enters the timing.
        var watch = Stopwatch.StartNew();
        long committedAt = 0, wroteAt = 0;
        var write = new Thread(() =>
        {
            Execute(waiter, "INSERT INTO assignment_versions (AssignmentId, Hash, Text, SourcePath, LoadedAt, IsCurrent) VALUES ('b', 'h', '', '', '2026-01-01', 1)");
            wroteAt = watch.ElapsedMilliseconds;
        });
        write.Start();
        Thread.Sleep(holdMs);
        tx.Commit();
        committedAt = watch.ElapsedMilliseconds;
        write.Join();

        // busy_timeout sleeps 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, then 100 ms between tries
        // (SQLite's default busy handler with usleep): the write goes on within about 100 ms of the
        // lock's release; a build without usleep sleeps a whole second before its first retry.
        // The bound leaves room for a loaded machine; the benchmark measures the real latency.
        Assert.InRange(wroteAt, holdMs, 990);
        Assert.InRange(wroteAt - committedAt, 0, 500);
        Assert.Equal(2L, Scalar(waiter, "SELECT COUNT(*) FROM assignment_versions"));
    }

    [Fact]
    public void Every_connection_waits_up_to_30_seconds_for_a_busy_database()
    {
        using var database = new TestDatabase();
        using var db = database.Context();
        db.Database.OpenConnection();
        Assert.Equal(30000L, Scalar(db.Database.GetDbConnection(), "PRAGMA busy_timeout"));
    }

    [Fact]
    public void A_pooled_connection_opened_again_keeps_every_setting()
    {
        // The settings are applied once per database handle; the pool hands the handle out again.
        using var database = new TestDatabase();
        for (var open = 0; open < 3; open++)
        {
            using var db = database.Context();
            db.Database.OpenConnection();
            var connection = db.Database.GetDbConnection();
            Assert.Equal((30000L, 2L, 1L), (Scalar(connection, "PRAGMA busy_timeout"), Scalar(connection, "PRAGMA synchronous"), Scalar(connection, "PRAGMA foreign_keys")));
            Assert.Equal((long)SqliteCheckpoint.AutoCheckpointPages, Scalar(connection, "PRAGMA wal_autocheckpoint"));
            db.Database.CloseConnection();
        }
    }

    private static object? Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
