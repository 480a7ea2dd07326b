using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Grader.Data;

/// <summary>
/// Makes a connection wait for a busy database in sub-millisecond steps. The bundled SQLite
/// (e_sqlite3 2.0.6) is built without usleep, so <c>PRAGMA busy_timeout</c> sleeps a whole second
/// per retry, and Microsoft.Data.Sqlite's own retry sleeps 150 ms; SQLitePCLRaw 2.0.6 does not
/// bind <c>sqlite3_busy_handler</c>, so it is called here directly.
/// </summary>
public static unsafe class SqliteBusyHandler
{
    /// <summary>Retries before giving up (about 30 s of 1 ms sleeps).</summary>
    public const int MaxRetries = 30_000;

    /// <summary>Installs the handler on an open connection.</summary>
    public static void Install(SqliteConnection connection)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var rc = sqlite3_busy_handler(handle.DangerousGetHandle(), &OnBusy, IntPtr.Zero);
        if (rc != 0)
        {
            throw new InvalidOperationException($"sqlite3_busy_handler failed with {rc}");
        }
    }

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_busy_handler(IntPtr db, delegate* unmanaged[Cdecl]<IntPtr, int, int> callback, IntPtr argument);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnBusy(IntPtr argument, int count)
    {
        if (count < 16)
        {
            Thread.Yield();
        }
        else
        {
            Thread.Sleep(1);
        }

        return count < MaxRetries ? 1 : 0;
    }
}
