using Grader.Worker.Hardening;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

using Grader.Worker.Telemetry;

namespace Grader.Worker.Operations;

/// <summary>
/// The <c>queue</c> check of <c>GET /health/ready</c>: the cluster's submissions accepted and not yet
/// graded number at most <c>Grader:Health:MaxQueueDepth</c>, and the oldest of them has waited
/// less than <c>Grader:Health:MaxOldestAccepted</c>.
/// </summary>
public sealed class QueueHealthCheck(QueueProbe queue, IOptions<HealthLimits> limits) : IHealthCheck
{
    /// <summary>The check's name in the answer.</summary>
    public const string Name = "queue";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var state = await queue.ReadAsync(cancellationToken);
            var l = limits.Value;
            var age = state.OldestAge(DateTime.UtcNow);
            var said = $"{state.Depth} submissions waiting for a grade, the oldest for {age.TotalSeconds:0} s";
            if (state.Depth > l.MaxQueueDepth)
            {
                return HealthCheckResult.Unhealthy($"{said}: over the limit of {l.MaxQueueDepth} (Grader:Health:MaxQueueDepth)");
            }

            return age >= l.MaxOldestAccepted
                ? HealthCheckResult.Unhealthy($"{said}: over the limit of {l.MaxOldestAccepted.TotalSeconds:0} s (Grader:Health:MaxOldestAccepted)")
                : HealthCheckResult.Healthy(said);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the queue cannot be read: " + LogText.Escape(ex.Message, 200));
        }
    }
}
