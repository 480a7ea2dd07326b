using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Grader.Worker.Tests.Service;

/// <summary>
/// Plays a grading job that finishes at the worst moment: once armed, right after the next query
/// of the submissions table (the regrade's read), it runs the job's store on its own connection
/// and lets the query's owner go on when the store has committed (or after 2 s, when the owner
/// holds the write lock the store waits for).
/// </summary>
public sealed class LateJobHook : DbCommandInterceptor
{
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Func<Task>? action;

    /// <summary>Completes when the late job's store has run.</summary>
    public Task Done => done.Task;

    public void Arm(Func<Task> store) => action = store;

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Fire(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Fire(command);
        return ValueTask.FromResult(result);
    }

    private void Fire(DbCommand command)
    {
        if (!command.CommandText.Contains("FROM \"submissions\"", StringComparison.Ordinal) || Interlocked.Exchange(ref action, null) is not { } store)
        {
            return;
        }

        var run = Task.Run(store);
        run.ContinueWith(t => _ = t.IsFaulted ? done.TrySetException(t.Exception!) : done.TrySetResult(), TaskScheduler.Default);
        ((IAsyncResult)run).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(2));
    }
}
