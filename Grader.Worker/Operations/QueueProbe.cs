using System.Diagnostics;
using Grader.Data;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Operations;

/// <summary>
/// Reads the queue's depth and oldest waiting submission from the database (two indexed queries
/// on <c>submissions.Status</c>), at most once per <see cref="MaxAge"/>: a scrape or a readiness
/// probe reads it, never a request on the submission path. A failed read is not kept.
/// </summary>
public sealed class QueueProbe(IDbContextFactory<GraderDbContext> dbFactory)
{
    /// <summary>How long a reading is served again before the database is asked anew.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (QueueState State, long At)? last;

    /// <summary>The queue now, or as read within the last <see cref="MaxAge"/>.</summary>
    public async Task<QueueState> ReadAsync(CancellationToken ct = default)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var waiting = db.Submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Accepted);
            var depth = await waiting.LongCountAsync(ct);
            var oldest = depth == 0 ? null : await waiting.Where(s => s.Generation == 0).MinAsync(s => (DateTime?)s.ReceivedAt, ct);
            var state = new QueueState(depth, oldest is { } o ? DateTime.SpecifyKind(o, DateTimeKind.Utc) : null, DateTime.UtcNow);
            last = (state, Stopwatch.GetTimestamp());
            return state;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>For an observable gauge's callback (synchronous): the depth, or null when the database cannot be read.</summary>
    public long? DepthOrNull()
    {
        try
        {
            return ReadAsync().GetAwaiter().GetResult().Depth;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    private QueueState? Fresh() => last is { } l && Stopwatch.GetElapsedTime(l.At) < MaxAge ? l.State : null;
}
