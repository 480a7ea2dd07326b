using Npgsql;

namespace Grader.Bench;

/// <summary>
/// The server's own counts over a run, which the machine's noise does not move: WAL flushes to disk
/// (<c>pg_stat_wal.wal_sync</c>, every process's) and transactions committed (<c>pg_stat_database</c>,
/// every database's, read-only ones included), and the CPU its processes used (Linux's
/// <c>/proc</c>: the main process and its children, living and exited).
/// </summary>
public sealed record PostgresActivity(long WalFlushes, long Commits, TimeSpan Cpu)
{
    /// <summary>Nothing measured.</summary>
    public static readonly PostgresActivity None = new(0, 0, TimeSpan.Zero);

    /// <summary>Reads the server's counters (its statistics are flushed about once a second, so this waits that long first).</summary>
    public static async Task<PostgresActivity> ReadAsync(string connectionString, int serverProcessId)
    {
        var cpu = ServerCpu(serverProcessId);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT (SELECT wal_sync FROM pg_stat_wal), (SELECT sum(xact_commit)::bigint FROM pg_stat_database)", connection);
        await using var row = await read.ExecuteReaderAsync();
        await row.ReadAsync();
        return new PostgresActivity(row.GetInt64(0), row.GetInt64(1), cpu);
    }

    /// <summary>This and <paramref name="other"/> together.</summary>
    public PostgresActivity Plus(PostgresActivity other) => new(WalFlushes + other.WalFlushes, Commits + other.Commits, Cpu + other.Cpu);

    /// <summary>What happened between <paramref name="before"/> and this reading.</summary>
    public PostgresActivity Since(PostgresActivity before) => new(WalFlushes - before.WalFlushes, Commits - before.Commits, Cpu - before.Cpu);

    /// <summary>
    /// User and system time of the server's main process, of its living children, and of its
    /// exited children (the main process's <c>cutime</c> and <c>cstime</c>); zero where there is no <c>/proc</c>.
    /// </summary>
    private static TimeSpan ServerCpu(int serverProcessId)
    {
        long ticks = 0;
        foreach (var dir in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // fields from the state (3rd) on
                var parent = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
                if (pid == serverProcessId)
                {
                    ticks += fields[11..15].Sum(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)); // utime, stime, cutime, cstime
                }
                else if (parent == serverProcessId)
                {
                    ticks += fields[11..13].Sum(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)); // utime, stime
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while it was read.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }
}
