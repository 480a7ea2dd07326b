using Npgsql;

namespace Grader.Bench;

/// <summary>
/// The server's own counts over a run, which the machine's noise does not move: WAL flushes to disk
/// (<c>pg_stat_wal.wal_sync</c>, every process's) and transactions committed (<c>pg_stat_database</c>,
/// every database's, read-only ones included).
/// </summary>
public sealed record PostgresActivity(long WalFlushes, long Commits)
{
    /// <summary>Nothing measured.</summary>
    public static readonly PostgresActivity None = new(0, 0);

    /// <summary>Reads the server's counters (its statistics are flushed about once a second, so this waits that long first).</summary>
    public static async Task<PostgresActivity> ReadAsync(string connectionString)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT (SELECT wal_sync FROM pg_stat_wal), (SELECT sum(xact_commit)::bigint FROM pg_stat_database)", connection);
        await using var row = await read.ExecuteReaderAsync();
        await row.ReadAsync();
        return new PostgresActivity(row.GetInt64(0), row.GetInt64(1));
    }

    /// <summary>What happened between <paramref name="before"/> and this reading.</summary>
    public PostgresActivity Since(PostgresActivity before) => new(WalFlushes - before.WalFlushes, Commits - before.Commits);
}
