using System.Threading.Channels;
using Grader.Data;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Service;

/// <summary>
/// Group commit for incoming submissions: every submission waiting when the writer is free is
/// stored in one transaction (one fsync under synchronous=FULL), and each caller is answered only
/// after that commit, so every 202 stands on a durable row.
/// </summary>
public sealed class SubmissionWriter(IDbContextFactory<GraderDbContext> dbFactory, ILogger<SubmissionWriter> logger) : BackgroundService
{
    private const int MaxBatch = 1000;
    private readonly Channel<(Submission Submission, TaskCompletionSource Done)> pending =
        Channel.CreateUnbounded<(Submission, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Stores a submission; returns once it is committed (its id is then set).</summary>
    public async Task WriteAsync(Submission submission, CancellationToken ct = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await pending.Writer.WriteAsync((submission, done), ct);
        await done.Task.WaitAsync(ct);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(Submission Submission, TaskCompletionSource Done)>();
        while (await pending.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
                await SubmissionRows.InsertAsync(db, [.. batch.Select(b => b.Submission)], CancellationToken.None);
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Storing {Count} submissions failed", batch.Count);
                batch.ForEach(b => b.Done.TrySetException(ex));
            }

            batch.Clear();
            if (stoppingToken.IsCancellationRequested && !pending.Reader.TryPeek(out _))
            {
                break;
            }
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        pending.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }
}
