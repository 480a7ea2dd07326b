using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Grader.Worker.Tests.Hardening;

/// <summary>
/// A full disk, injected through EF Core's interceptors (no root, no mounts): while <see cref="Full"/>
/// is set, every write command and every commit fails with SQLite's SQLITE_FULL, as SQLite reports
/// a disk with no space left; reads go on.
/// </summary>
public sealed class FullDisk : DbCommandInterceptor, IDbTransactionInterceptor
{
    private int writesRefused;

    public volatile bool Full;

    public int WritesRefused => writesRefused;

    private static bool Writes(DbCommand command) =>
        command.CommandText.TrimStart() is var sql
        && (sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("PRAGMA user_version =", StringComparison.OrdinalIgnoreCase));

    private void Check(bool writes)
    {
        if (Full && writes)
        {
            Interlocked.Increment(ref writesRefused);
            throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
        }
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(Writes(command));
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(Writes(command));
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(Writes(command));
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Check(true);
        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Check(true);
        return ValueTask.FromResult(result);
    }
}
