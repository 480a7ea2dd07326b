using Grader.Data;
using Grader.Worker.Hardening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grader.Worker.Operations;

/// <summary>The <c>migrations</c> check of <c>GET /health/ready</c>: the database's schema has every migration this build knows.</summary>
public sealed class MigrationsHealthCheck(IDbContextFactory<GraderDbContext> dbFactory) : IHealthCheck
{
    /// <summary>The check's name in the answer.</summary>
    public const string Name = "migrations";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("no migration pending")
                : HealthCheckResult.Unhealthy($"{pending.Count} migrations pending: {string.Join(", ", pending.Take(5))}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the migrations cannot be read: " + LogText.Escape(ex.Message, 200));
        }
    }
}
