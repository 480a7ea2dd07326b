using Grader.Data;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Service;

/// <summary>
/// Runs first at start: creates (or opens) the database, loads the assignments, and queues every
/// accepted submission that has no grade for its generation, so a crash at any moment loses none.
/// </summary>
public sealed class StartupService(
    IDbContextFactory<GraderDbContext> dbFactory,
    AssignmentCatalog catalog,
    GradingQueue queue,
    Reports.TaTokenStore tokens,
    ILogger<StartupService> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            SqliteDatabase.Initialise(db);
        }

        await catalog.ReloadAsync(cancellationToken);
        _ = tokens.Token; // generated and printed once at first start when none is configured
        await using var read = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await read.Submissions.AsNoTracking()
            .Where(s => s.Status == SubmissionStatus.Accepted)
            .OrderBy(s => s.Id)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        foreach (var chunk in pending.Chunk(GradingQueue.MaxBatch))
        {
            await queue.ScheduleAsync(chunk, cancellationToken);
        }

        if (pending.Count > 0)
        {
            logger.LogInformation("Queued {Count} accepted submissions that were not yet graded", pending.Count);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
