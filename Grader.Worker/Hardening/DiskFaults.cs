using Microsoft.Data.Sqlite;

namespace Grader.Worker.Hardening;

/// <summary>
/// Storage that cannot be written: SQLite's "disk I/O error" (SQLITE_IOERR) or "database or disk
/// is full" (SQLITE_FULL), the system's ENOSPC or EFBIG, PostgreSQL's disk_full or io_error. The
/// service answers 503 (<c>Retry-After: 30</c>) while it lasts and logs it at most once a minute
/// (the log usually lives on the same full disk), never a stack trace per request.
/// </summary>
public sealed class DiskFaults(ILogger<DiskFaults> logger)
{
    /// <summary>The seconds a client is asked to wait (<c>Retry-After</c>).</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>What a refused request is told.</summary>
    public const string Message = "the service cannot store anything right now: its disk is full or failing; nothing was stored, try again in 30 s";

    private const int SqliteIoErr = 10;
    private const int SqliteFull = 13;
    private const int Enospc = 28;
    private const int Efbig = 27;
    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);
    private long lastLogged = long.MinValue;

    /// <summary>True when <paramref name="ex"/> (or an exception inside it) says the storage cannot be written.</summary>
    public static bool Is(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            var full = ex switch
            {
                SqliteException s => (s.SqliteErrorCode & 0xff) is SqliteIoErr or SqliteFull,
                Npgsql.PostgresException p => p.SqlState is "53100" or "58030",
                IOException io => io.HResult is Enospc or Efbig, // on Unix an IOException's HResult is the errno
                _ => false,
            };
            if (full)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Logs the fault unless one was logged in the last minute; returns whether it logged.</summary>
    public bool Report(Exception ex, string doing)
    {
        var clock = TimeProvider.System;
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref lastLogged);
        if (last != long.MinValue && clock.GetElapsedTime(last, now) < LogEvery)
        {
            return false;
        }

        if (Interlocked.CompareExchange(ref lastLogged, now, last) != last)
        {
            return false; // another thread logged it just now
        }

        logger.LogError("The database cannot be written ({Doing}): {Error}. Requests that store anything are answered 503 until it can; this is logged at most once a minute",
            doing, LogText.Escape(Innermost(ex).Message, 300));
        return true;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null && !(ex is SqliteException or Npgsql.PostgresException))
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
