using Grader.Data.Entities;
using Grader.Data;
using Grader.Worker.Grading;
using Grader.Worker.Hardening;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Intake;

/// <summary>
/// Group commit for incoming submissions: every submission waiting when the writer is free is
/// stored in one transaction (one fsync under synchronous=FULL), and each caller is answered only
/// after that commit, so every 202 stands on a durable row. Submissions graded at intake have
/// their grades, standings and counts stored in that same transaction; if storing them fails
/// (before the commit, and not for the disk), the burst is stored again without them and its
/// callers queue them.
/// On PostgreSQL the cluster stores <see cref="Settings.DatabaseOptions.IntakeWriters"/> bursts at
/// once, shared among its live nodes (<see cref="ActiveLoops"/>).
/// </summary>
public sealed class SubmissionWriter(
    IDbContextFactory<GraderDbContext> dbFactory,
    SubmissionGrader grader,
    ILogger<SubmissionWriter> logger,
    DiskFaults diskFaults,
    Grader.Worker.Telemetry.GraderMetrics metrics,
    LiveNodes liveNodes,
    Microsoft.Extensions.Options.IOptions<Settings.GraderOptions> options)
    : BatchingService<(Submission Submission, IntakeGrade? Grade, TaskCompletionSource<bool> Done)>(MaxBatch)
{
    private const int MaxBatch = 1000;

    /// <summary>
    /// On PostgreSQL, up to <see cref="Settings.DatabaseOptions.IntakeWriters"/> bursts at once: a burst graded
    /// at intake is several round trips (its rows, its grades, the standings' locks, reads and writes)
    /// before its commit, and while one burst waits for them or for the disk the server can run
    /// another. SQLite's one writer takes one at a time.
    /// </summary>
    protected override int Loops => options.Value.Database.IsPostgres ? options.Value.Database.IntakeWriters : 1;

    /// <summary>
    /// This node's share of the cluster's writers: max(1, <see cref="Settings.DatabaseOptions.IntakeWriters"/> ÷ the
    /// live nodes), so adding a node does not add bursts the database server has no cores for.
    /// </summary>
    protected override int ActiveLoops => Math.Max(1, Loops / liveNodes.Count);

    /// <summary>How many bursts this node stores at once now.</summary>
    public int Writers => ActiveLoops;

    /// <summary>
    /// Stores a submission, with its grade when it was graded at intake; returns once it is
    /// committed (its id is then set): true when the grade was stored with it, false when the
    /// submission still has to be queued for grading.
    /// </summary>
    public async Task<bool> WriteAsync(Submission submission, IntakeGrade? grade = null, CancellationToken ct = default)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await AddAsync((submission, grade, done), ct);
        return await done.Task.WaitAsync(ct);
    }

    /// <inheritdoc />
    protected override async Task ProcessAsync(IReadOnlyList<(Submission Submission, IntakeGrade? Grade, TaskCompletionSource<bool> Done)> batch)
    {
        List<(Submission, IntakeGrade)> graded = [.. batch.Where(b => b.Grade is not null).Select(b => (b.Submission, b.Grade!))];
        try
        {
            var stored = await StoreAsync(batch, graded);
            metrics.Committed(batch.Count);
            if (stored)
            {
                grader.GradedAtIntake(graded);
            }

            foreach (var b in batch)
            {
                b.Done.TrySetResult(stored && b.Grade is not null);
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

    /// <summary>Stores the burst with its grades; without them when storing the grades fails (not the disk). True when the grades were stored.</summary>
    private async Task<bool> StoreAsync(IReadOnlyList<(Submission Submission, IntakeGrade? Grade, TaskCompletionSource<bool> Done)> batch, List<(Submission, IntakeGrade)> graded)
    {
        var submissions = batch.Select(b => b.Submission).ToList();
        if (graded.Count > 0)
        {
            // Only a failure before the commit falls back: a commit whose outcome is unknown (a connection
            // lost while committing) fails the burst as it always did, rather than store it twice.
            var committing = false;
            SubmissionGrader.SettleAtIntake(graded, settled: true);
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
                await SubmissionRows.InsertAsync(db, submissions, CancellationToken.None, async ct =>
                {
                    await grader.StoreAtIntakeAsync(db, graded, ct);
                    committing = true;
                });
                return true;
            }
            catch (Exception ex) when (!committing && !DiskFaults.Is(ex))
            {
                // Rolled back: the submissions are stored again alone, and queued by their callers.
                logger.LogWarning(ex, "Storing {Count} grades at intake failed; their submissions are stored alone and queued for grading", graded.Count);
                SubmissionGrader.SettleAtIntake(graded, settled: false);
            }
        }

        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            await SubmissionRows.InsertAsync(db, submissions, CancellationToken.None);
        }

        return false;
    }
}
