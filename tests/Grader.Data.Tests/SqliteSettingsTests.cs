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

    [Fact]
    public async Task A_busy_database_is_waited_for_in_small_steps_not_whole_seconds()
    {
        using var database = new TestDatabase();
        using var holder = new GraderSqliteConnection { ConnectionString = new SqliteConnectionStringBuilder { DataSource = database.Path, Pooling = false }.ToString() };
        using var waiter = new GraderSqliteConnection { ConnectionString = holder.ConnectionString };
        holder.Open();
        waiter.Open();
        using var tx = holder.BeginTransaction();
        Execute(holder, "INSERT INTO assignment_versions (AssignmentId, Hash, Text, SourcePath, LoadedAt, IsCurrent) VALUES ('a', 'h', '', '', '2026-01-01', 1)", tx);
        var watch = Stopwatch.StartNew();
        var write = Task.Run(() => Execute(waiter, "INSERT INTO assignment_versions (AssignmentId, Hash, Text, SourcePath, LoadedAt, IsCurrent) VALUES ('b', 'h', '', '', '2026-01-01', 1)"));
        await Task.Delay(30);
        tx.Commit();
        await write;

        // The write waited for the 30 ms lock, not for SQLite's one-second sleep (this build has no usleep).
        Assert.InRange(watch.ElapsedMilliseconds, 25, 900);
    }

    [Fact]
    public void The_provider_factory_gives_configured_connections()
    {
        using var database = new TestDatabase();
        using var connection = GraderSqliteFactory.Instance.CreateConnection();
        connection.ConnectionString = new SqliteConnectionStringBuilder { DataSource = database.Path }.ToString();
        connection.Open();
        Assert.IsType<GraderSqliteConnection>(connection);
        Assert.Equal(2L, Scalar(connection, "PRAGMA synchronous"));
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
