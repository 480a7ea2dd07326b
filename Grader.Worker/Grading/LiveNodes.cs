using Grader.Worker.Hardening;
using Grader.Worker.Settings;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Grading;

/// <summary>
/// How many nodes share the database now: on PostgreSQL, the Hangfire servers in the shared
/// storage whose heartbeat is younger than <see cref="NodeQueue.DeadAfter"/>, read at start and
/// every <see cref="RefreshEvery"/>, logged at the first count and at each change, and shown as <c>grader_live_nodes</c>; always one on SQLite, whose node is alone. Intake shares the
/// database's concurrent writers among them (<see cref="DatabaseOptions.IntakeWriters"/>). A node
/// that died counts until its heartbeat is that old; a node that just started counts from its
/// first heartbeat.
/// </summary>
public sealed class LiveNodes(JobStorage storage, IOptions<GraderOptions> options, Telemetry.GraderMetrics metrics, ILogger<LiveNodes> logger) : BackgroundService
{
    /// <summary>How often the count is read again.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(10);

    private int count; // 0 until the first count

    /// <summary>The nodes with a recent heartbeat (at least one: this node, which may not have announced itself yet).</summary>
    public int Count => Math.Max(1, Volatile.Read(ref count));

    /// <summary>Reads the count again from Hangfire's servers (PostgreSQL; one on SQLite) and returns it; on a failure to read, keeps the last count.</summary>
    public int Refresh()
    {
        if (!options.Value.Database.IsPostgres)
        {
            return Count;
        }

        try
        {
            var now = DateTime.UtcNow;
            var nodes = Math.Max(1, storage.GetMonitoringApi().Servers().Count(s => NodeQueue.IsAlive(s, now)));
            metrics.LiveNodes(nodes);
            if (Interlocked.Exchange(ref count, nodes) != nodes) // the first count too: nothing was counted before it
            {
                if (nodes == 1)
                {
                    logger.LogInformation("This node is the only live node on the database");
                }
                else
                {
                    logger.LogInformation("{Nodes} live nodes share the database", nodes);
                }
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not count the live nodes (keeping {Count}): {Reason}", Count, LogText.Escape(ex.Message, 200));
        }

        return Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Database.IsPostgres)
        {
            return;
        }

        await Task.Yield(); // the first read is a query: not on the host's start
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            do
            {
                Refresh();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
