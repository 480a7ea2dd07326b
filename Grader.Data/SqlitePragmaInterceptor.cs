using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Grader.Data;

/// <summary>
/// Applies the grader's settings to every connection EF Core opens: synchronous=FULL (a commit is
/// on disk before it returns, so every submission is durable before its 202) and the busy timeout.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        GraderSqliteConnection.Configure((SqliteConnection)connection);

    /// <inheritdoc />
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        GraderSqliteConnection.Configure((SqliteConnection)connection);
        return Task.CompletedTask;
    }
}
