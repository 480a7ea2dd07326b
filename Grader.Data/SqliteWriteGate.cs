using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data;

/// <summary>
/// Lets one hot writer of this process at a time into a SQLite file (SQLite allows one writer
/// anyway). A writer that would collide with another waits on a semaphore and goes on the moment
/// the other commits, instead of in <c>busy_timeout</c>'s sleeps, which grow to 100 ms; writers in
/// other processes are still waited for by <c>busy_timeout</c>. PostgreSQL needs no gate.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the file's gate; dispose the result to leave. Null (nothing to leave) for PostgreSQL.</summary>
    public static async Task<IDisposable?> EnterAsync(GraderDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        return await EnterAsync(db.Database.GetDbConnection().DataSource, ct);
    }

    /// <summary>Waits for the gate of the SQLite file at <paramref name="path"/>; dispose the result to leave.</summary>
    public static async Task<IDisposable> EnterAsync(string path, CancellationToken ct = default)
    {
        var gate = Gates.GetOrAdd(Path.GetFullPath(path), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Leave(gate);
    }

    private sealed class Leave(SemaphoreSlim gate) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
