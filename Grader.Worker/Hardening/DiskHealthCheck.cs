using Grader.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grader.Worker.Hardening;

/// <summary>
/// The <c>disk</c> check of <c>GET /health/ready</c>: the database can be written. On SQLite it
/// rewrites the file's <c>user_version</c> (a real committed write, the value unchanged); on
/// PostgreSQL it commits a transaction that takes a transaction id (a WAL record).
/// </summary>
public sealed class DiskHealthCheck(IDbContextFactory<GraderDbContext> dbFactory, DiskFaults faults) : IHealthCheck
{
    /// <summary>The check's name in the answer.</summary>
    public const string Name = "disk";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("SELECT txid_current()", cancellationToken);
            }
            else
            {
                var version = await db.Database.SqlQueryRaw<long>("SELECT user_version AS \"Value\" FROM pragma_user_version").SingleAsync(cancellationToken);
                // PRAGMA takes no parameters; the value is a number just read from the file.
#pragma warning disable EF1003
                await db.Database.ExecuteSqlRawAsync("PRAGMA user_version = " + version.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
#pragma warning restore EF1003
            }

            await tx.CommitAsync(cancellationToken);
            return HealthCheckResult.Healthy("the database can be written");
        }
        catch (Exception ex) when (DiskFaults.Is(ex))
        {
            faults.Report(ex, "the readiness check");
            return HealthCheckResult.Unhealthy("the database cannot be written: its disk is full or failing");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the database cannot be written: " + LogText.Escape(ex.Message, 200));
        }
    }
}
