using Npgsql;

namespace Grader.Worker.Grading;

/// <summary>The connection string Hangfire's PostgreSQL storage uses, derived from the database's.</summary>
public static class HangfireConnectionString
{
    /// <summary>
    /// <paramref name="connectionString"/> with Npgsql's automatic preparation, as the service's own
    /// connections have it (<see cref="Data.PostgresDatabase.WithAutoPrepare"/>: Hangfire repeats a
    /// dozen statements per job, and each was parsed and planned anew), without the reset of a pooled
    /// connection given back (<c>No Reset On Close</c>: Hangfire.PostgreSql, its long polling off,
    /// leaves no session state behind, and the reset cost a round of statements per use), and with
    /// <c>synchronous_commit=off</c> added to the session's options, unless
    /// <paramref name="synchronousCommit"/> (Hangfire's bookkeeping is recoverable: see
    /// <see cref="Settings.GraderOptions.QueueSynchronousCommit"/>) or unless the connection string's
    /// own <c>Options</c> already set <c>synchronous_commit</c> (the operator's choice stands).
    /// </summary>
    public static string For(string connectionString, bool synchronousCommit)
    {
        var builder = new NpgsqlConnectionStringBuilder(Data.PostgresDatabase.WithAutoPrepare(connectionString)) { NoResetOnClose = true };
        if (synchronousCommit || builder.Options?.Contains("synchronous_commit", StringComparison.OrdinalIgnoreCase) == true)
        {
            return builder.ConnectionString;
        }

        builder.Options = string.IsNullOrWhiteSpace(builder.Options)
            ? "-c synchronous_commit=off"
            : $"{builder.Options} -c synchronous_commit=off";
        return builder.ConnectionString;
    }
}
