using Grader.Data;
using Grader.Worker.Access;
using Grader.Worker.Course;
using Grader.Worker.Grading;
using Grader.Worker.Settings;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Host;

/// <summary>
/// Runs first at start: creates or upgrades the database, loads the assignments, and queues
/// every submission that has no grade for its current generation (accepted and not yet graded,
/// or marked graded by an older generation's job), so a crash at any moment loses none. On
/// PostgreSQL it also registers the recurring <see cref="RequeueOrphansJob"/>.
/// </summary>
public sealed class StartupService(
    IDbContextFactory<GraderDbContext> dbFactory,
    AssignmentCatalog catalog,
    GradingQueue queue,
    UngradedSubmissions ungraded,
    IRecurringJobManager recurring,
    IOptions<GraderOptions> options,
    TaTokenStore tokens,
    StudentDirectory students,
    Reports.StandingStore standings,
    ILogger<StartupService> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            GraderDatabase.Initialise(db);
        }

        await catalog.ReloadAsync(cancellationToken);
        await standings.EnsureAsync(cancellationToken); // a database of an earlier release, or new rules: its standings are computed once here
        _ = tokens.Token; // generated and printed once at first start when none is configured
        var classList = (await students.ListAsync(cancellationToken)).Count;
        if (classList == 0)
        {
            logger.LogWarning("Open mode: no class list, so anyone may submit as any student. Import one with 'roster import FILE.csv'");
        }
        else
        {
            logger.LogInformation("Class list of {Count} students: every submission needs a student's token", classList);
        }

        var pending = await ungraded.FindAsync(cancellationToken);
        foreach (var chunk in pending.Chunk(GradingQueue.MaxBatch))
        {
            queue.Schedule(chunk);
        }

        if (pending.Count > 0)
        {
            logger.LogInformation("Queued {Count} submissions that have no grade for their generation", pending.Count);
        }

        // Several nodes: the survivors pick up what a dead node committed but never queued.
        if (options.Value.Database.IsPostgres)
        {
            recurring.AddOrUpdate<RequeueOrphansJob>(RequeueOrphansJob.Id, job => job.RunAsync(), options.Value.OrphanSweep);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
