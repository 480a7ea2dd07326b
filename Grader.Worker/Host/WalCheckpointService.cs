using Grader.Data;
using Grader.Worker.Settings;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Host;

/// <summary>
/// On SQLite, checkpoints the write-ahead log every <see cref="Interval"/> on a connection of its
/// own (<see cref="SqliteCheckpoint"/>), so that no commit of a submission or a grade carries the
/// checkpoint's second fsync while the other writers wait. Nothing on PostgreSQL.
/// </summary>
public sealed class WalCheckpointService(IOptions<GraderOptions> options, ILogger<WalCheckpointService> logger) : BackgroundService
{
    /// <summary>How often the log is checkpointed: a checkpoint with nothing to copy costs no I/O.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private bool failing;

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Database.IsPostgres)
        {
            return Task.CompletedTask;
        }

        var connectionString = SqliteDatabase.ConnectionString(Path.GetFullPath(options.Value.DatabasePath));
        return SqliteCheckpoint.RunAsync(connectionString, Interval, Report, stoppingToken);
    }

    private void Report(CheckpointReport report)
    {
        var failure = report.Failure;
        // Logged once per run of failures (the file unreadable for a while; the disk's health check reports it too) and once when it ends.
        if (failure is not null && !failing)
        {
            logger.LogWarning("Checkpointing the SQLite log failed, retrying every {Interval} ms: {Reason}", Interval.TotalMilliseconds, failure.Message);
        }
        else if (failure is null && failing)
        {
            logger.LogInformation("Checkpointing the SQLite log works again");
        }

        failing = failure is not null;
    }
}
