using Grader.Data;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Service;

/// <summary>
/// Runs first at start: creates or upgrades the database, loads the assignments, and queues
/// every submission that has no grade for its current generation (accepted and not yet graded,
/// or marked graded by an older generation's job), so a crash at any moment loses none.
/// </summary>
public sealed class StartupService(
    IDbContextFactory<GraderDbContext> dbFactory,
    AssignmentCatalog catalog,
    GradingQueue queue,
    Reports.TaTokenStore tokens,
    Students.StudentDirectory students,
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

        var pending = await UngradedAsync(cancellationToken);
        foreach (var chunk in pending.Chunk(GradingQueue.MaxBatch))
        {
            queue.Schedule(chunk);
        }

        if (pending.Count > 0)
        {
            logger.LogInformation("Queued {Count} submissions that have no grade for their generation", pending.Count);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The submissions (accepted or graded, not failed or rejected) without a grade for their current generation.</summary>
    public async Task<List<long>> UngradedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Submissions.AsNoTracking()
            .Where(s => (s.Status == SubmissionStatus.Accepted || s.Status == SubmissionStatus.Graded)
                        && !db.Grades.Any(g => g.SubmissionId == s.Id && g.Generation == s.Generation))
            .OrderBy(s => s.Id)
            .Select(s => s.Id)
            .ToListAsync(ct);
    }
}
