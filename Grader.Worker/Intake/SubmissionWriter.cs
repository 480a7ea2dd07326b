using Grader.Data.Entities;
using Grader.Data;
using Grader.Worker.Grading;
using Grader.Worker.Hardening;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Intake;

/// <summary>
/// Group commit for incoming submissions: every submission waiting when the writer is free is
/// stored in one transaction (one fsync under synchronous=FULL), and each caller is answered only
/// after that commit, so every 202 stands on a durable row.
/// </summary>
public sealed class SubmissionWriter(IDbContextFactory<GraderDbContext> dbFactory, ILogger<SubmissionWriter> logger, DiskFaults diskFaults, Grader.Worker.Telemetry.GraderMetrics metrics)
    : BatchingService<(Submission Submission, TaskCompletionSource Done)>(MaxBatch)
{
    private const int MaxBatch = 1000;

    /// <summary>Stores a submission; returns once it is committed (its id is then set).</summary>
    public async Task WriteAsync(Submission submission, CancellationToken ct = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await AddAsync((submission, done), ct);
        await done.Task.WaitAsync(ct);
    }

    /// <inheritdoc />
    protected override async Task ProcessAsync(IReadOnlyList<(Submission Submission, TaskCompletionSource Done)> batch)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await SubmissionRows.InsertAsync(db, [.. batch.Select(b => b.Submission)], CancellationToken.None);
            metrics.Committed(batch.Count);
            foreach (var b in batch)
            {
                b.Done.TrySetResult();
            }
        }
        catch (Exception ex)
        {
            if (DiskFaults.Is(ex))
            {
                diskFaults.Report(ex, $"storing {batch.Count} submissions");
            }
            else
            {
                logger.LogError(ex, "Storing {Count} submissions failed", batch.Count);
            }

            foreach (var b in batch)
            {
                b.Done.TrySetException(ex);
            }
        }
    }
}
