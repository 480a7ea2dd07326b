using Microsoft.Data.Sqlite;

namespace Grader.Data;

/// <summary>
/// A SQLite connection opened with the grader's settings: synchronous=FULL, foreign keys, a
/// busy timeout, and the log's own checkpoint only as a safety net (<see cref="SqliteCheckpoint"/>). The bundled SQLite (3.53, SQLitePCLRaw 2.1.13) is built with usleep, so
/// <c>busy_timeout</c> waits in steps of 1 to 100 ms: a writer blocked by another's 30 ms
/// transaction goes on within a few milliseconds of its commit (tests/Grader.Data.Tests).
/// </summary>
public sealed class GraderSqliteConnection : SqliteConnection
{
    // The database handles (pooled across opens) whose settings are applied, weakly: a handle the
    // pool lets go is forgotten with it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];
    private static readonly object Marker = new();

    /// <summary>The per-connection pragmas.</summary>
    internal static readonly string Pragmas =
        $"PRAGMA busy_timeout=30000; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint={SqliteCheckpoint.AutoCheckpointPages};";

    /// <inheritdoc />
    public override void Open()
    {
        base.Open();
        Configure(this);
    }

    /// <summary>
    /// Applies the settings to any open SQLite connection, once per database handle: the pool
    /// hands the same handle out again with its settings, so reopening one runs no statement.
    /// </summary>
    public static void Configure(SqliteConnection connection)
    {
        if (connection.Handle is { } handle && Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        if (connection.Handle is { } opened)
        {
            Configured.AddOrUpdate(opened, Marker);
        }
    }
}
