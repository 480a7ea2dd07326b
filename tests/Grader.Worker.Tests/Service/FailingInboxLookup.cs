using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Grader.Worker.Tests.Service;

/// <summary>Fails the inbox's look-up of an earlier copy of a file (a query by file name), as a broken disk or database would.</summary>
public sealed class FailingInboxLookup : DbCommandInterceptor
{
    private int failures;

    /// <summary>How many look-ups were failed.</summary>
    public int Failures => failures;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Fail(command) ? throw new IOException("the disk is on fire") : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        Fail(command) ? throw new IOException("the disk is on fire") : ValueTask.FromResult(result);

    private bool Fail(DbCommand command)
    {
        if (!command.CommandText.Contains("\"FileName\" =", StringComparison.Ordinal))
        {
            return false;
        }

        Interlocked.Increment(ref failures);
        return true;
    }
}
