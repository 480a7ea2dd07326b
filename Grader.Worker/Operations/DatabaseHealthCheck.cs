using Grader.Data;
using Grader.Worker.Hardening;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grader.Worker.Operations;

/// <summary>
/// The <c>database</c> check of <c>GET /health/ready</c>: a query on the submissions table. On
/// SQLite it opens the file afresh (not from the pool, which keeps files open and would not see
/// one that became unreadable; never creating it), on PostgreSQL it asks the server through the pool.
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<GraderDbContext> dbFactory) : IHealthCheck
{
    /// <summary>The check's name in the answer.</summary>
    public const string Name = "database";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                var fresh = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 5 };
                await using var connection = new SqliteConnection(fresh.ToString());
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT \"Id\" FROM submissions LIMIT 1";
                await command.ExecuteScalarAsync(cancellationToken);
            }
            else
            {
                await db.Submissions.AnyAsync(cancellationToken); // SELECT EXISTS (...): a read of the table (a Take without an order would log EF Core's warning on every start)
            }

            return HealthCheckResult.Healthy("the submissions table can be read");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the database cannot be read: " + LogText.Escape(ex.Message, 200));
        }
    }
}
