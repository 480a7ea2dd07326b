using Grader.Worker.Hardening;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grader.Worker.Operations;

/// <summary>
/// The <c>hangfire</c> check of <c>GET /health/ready</c>: this node's Hangfire server is listed in
/// <c>JobStorage.GetMonitoringApi().Servers()</c> with a recent heartbeat. The server is this
/// process's (its name is <c>MACHINE:PID:…</c>, see <c>AddHangfireServer</c>). In the first
/// <see cref="StartGrace"/> a missing server is waited for briefly: it announces itself just after start.
/// </summary>
public sealed class HangfireHealthCheck(JobStorage storage, NodeStarted started) : IHealthCheck
{
    /// <summary>The check's name in the answer.</summary>
    public const string Name = "hangfire";

    /// <summary>How long after start a missing server is waited for (up to two seconds per probe).</summary>
    public static readonly TimeSpan StartGrace = TimeSpan.FromMinutes(1);

    /// <summary>The oldest heartbeat that still counts (Hangfire beats every 30 s).</summary>
    public static readonly TimeSpan MaxHeartbeatAge = TimeSpan.FromMinutes(2);

    private static readonly string Prefix = $"{Environment.MachineName}:{Environment.ProcessId}:";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var deadline = DateTime.UtcNow - started.At < StartGrace ? DateTime.UtcNow.AddSeconds(2) : DateTime.UtcNow;
            while (true)
            {
                var mine = storage.GetMonitoringApi().Servers().Where(s => s.Name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)).ToList();
                if (mine.Any(s => s.Heartbeat is { } beat && DateTime.UtcNow - DateTime.SpecifyKind(beat, DateTimeKind.Utc) < MaxHeartbeatAge))
                {
                    return HealthCheckResult.Healthy($"this node's Hangfire server is running ({mine[0].WorkersCount} workers)");
                }

                if (DateTime.UtcNow >= deadline)
                {
                    return HealthCheckResult.Unhealthy(mine.Count == 0
                        ? "this node's Hangfire server is not registered"
                        : $"this node's Hangfire server has not sent a heartbeat for over {MaxHeartbeatAge.TotalMinutes:0} minutes");
                }

                await Task.Delay(50, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Hangfire's storage cannot be read: " + LogText.Escape(ex.Message, 200));
        }
    }
}
