using System.Diagnostics;
using Grader.Data;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Telemetry;

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
    private Reading? last; // a reference: read and written whole by any thread

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
            var depth = await Waiting(db).LongCountAsync(ct);
            var oldest = depth == 0 ? null : await Waiting(db).Where(s => s.Generation == 0).MinAsync(s => (DateTime?)s.ReceivedAt, ct);
            return Keep(depth, oldest);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>For an observable gauge's callback, which is synchronous: the depth (read as <see cref="ReadAsync"/> does), or null when the database cannot be read.</summary>
    public long? DepthOrNull()
    {
        try
        {
            if (Fresh() is { } cached)
            {
                return cached.Depth;
            }

            gate.Wait();
            try
            {
                if (Fresh() is { } again)
                {
                    return again.Depth;
                }

                using var db = dbFactory.CreateDbContext();
                var depth = Waiting(db).LongCount();
                var oldest = depth == 0 ? null : Waiting(db).Where(s => s.Generation == 0).Min(s => (DateTime?)s.ReceivedAt);
                return Keep(depth, oldest).Depth;
            }
            finally
            {
                gate.Release();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static IQueryable<Submission> Waiting(GraderDbContext db) =>
        db.Submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Accepted);

    private QueueState Keep(long depth, DateTime? oldest)
    {
        var state = new QueueState(depth, oldest is { } o ? DateTime.SpecifyKind(o, DateTimeKind.Utc) : null, DateTime.UtcNow);
        last = new Reading(state, Stopwatch.GetTimestamp());
        return state;
    }

    private QueueState? Fresh() => last is { } l && Stopwatch.GetElapsedTime(l.At) < MaxAge ? l.State : null;

    private sealed record Reading(QueueState State, long At);
}
