using Microsoft.Data.Sqlite;

namespace Grader.Data;

/// <summary>
/// Copies a SQLite file's write-ahead log back into the database outside the writers' path.
/// Left to SQLite, the committing writer checkpoints once the log passes 1,000 pages, and under
/// steady traffic the log seldom starts over (a reader is nearly always using it), so nearly
/// every commit also copies pages and fsyncs the database file while the other writers wait
/// for the write gate. Here a passive checkpoint on a connection of its own does the copying
/// while writers go on appending, and once the log is longer than <see cref="RestartPages"/>
/// a restarting checkpoint, taken inside the write gate, waits for the readers of the log to
/// finish so that the next commit writes it from the start again. SQLite's own checkpoint stays,
/// at <see cref="AutoCheckpointPages"/>, as the safety net of a process that does not run this.
/// </summary>
public static class SqliteCheckpoint
{
    /// <summary>
    /// The log's length, in pages, at which a committing writer checkpoints itself (SQLite's
    /// <c>wal_autocheckpoint</c>, 1,000 by default): far above what the passive checkpoints let it grow to.
    /// </summary>
    public const int AutoCheckpointPages = 10_000;

    /// <summary>The log's length, in pages (4 KB each), past which it is restarted: 16 MB.</summary>
    public const int RestartPages = 4_000;

    /// <summary>How long a restart waits for the log's readers to finish, while writers wait for it.</summary>
    public static readonly TimeSpan RestartWait = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// One passive checkpoint: copies every committed page no reader still needs, without waiting
    /// for or blocking readers or writers. Returns the log's length and the pages copied so far, in
    /// pages, and whether it could not finish (busy).
    /// </summary>
    public static (bool Busy, long LogPages, long CheckpointedPages) Passive(SqliteConnection connection) => Checkpoint(connection, "PASSIVE");

    /// <summary>
    /// One restarting checkpoint: copies every page, waits (up to <see cref="RestartWait"/>)
    /// for the log's readers to finish, so that the next writer starts the log over. Take the
    /// write gate first: it waits for no writer of this process, and none starts meanwhile.
    /// Busy when a reader did not finish within the busy timeout (the log then goes on as it was).
    /// </summary>
    public static (bool Busy, long LogPages, long CheckpointedPages) Restart(SqliteConnection connection)
    {
        // Writers wait meanwhile, so the readers are waited for briefly; a long one (an export)
        // leaves the restart to a later round.
        Execute(connection, $"PRAGMA busy_timeout={(int)RestartWait.TotalMilliseconds};");
        try
        {
            return Checkpoint(connection, "RESTART");
        }
        finally
        {
            Execute(connection, GraderSqliteConnection.Pragmas);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static (bool Busy, long LogPages, long CheckpointedPages) Checkpoint(SqliteConnection connection, string mode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2)) : (false, 0, 0);
    }

    /// <summary>
    /// Runs a passive checkpoint of the file behind <paramref name="connectionString"/> every
    /// <paramref name="interval"/> until cancelled (and a restarting one when the log is long),
    /// on one connection of its own. Each round is reported to <paramref name="report"/>; a
    /// failure (the file unreadable for a while) is tried again at the next interval on a new
    /// connection. The loop only ends with the cancellation.
    /// </summary>
    public static async Task RunAsync(string connectionString, TimeSpan interval, Action<CheckpointReport> report, CancellationToken ct)
    {
        SqliteConnection? connection = null;
        long restartedAt = -1; // the log's length at the last restart: until a writer starts it over, it is still reported so
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, ct);
                    if (connection is null)
                    {
                        connection = new SqliteConnection(connectionString);
                        connection.Open();
                        GraderSqliteConnection.Configure(connection);
                    }

                    var (_, logPages, _) = Passive(connection);
                    var restarted = false;
                    if (logPages > RestartPages && logPages != restartedAt)
                    {
                        using (await SqliteWriteGate.EnterAsync(connection.DataSource, ct))
                        {
                            restarted = !Restart(connection).Busy;
                        }

                        restartedAt = restarted ? logPages : -1;
                    }

                    report(new CheckpointReport(logPages, restarted, null));
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Never the end of the loop (nor of the service running it): reported, then tried again.
                    report(new CheckpointReport(0, false, ex));
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }
}
