using Grader.Worker.Grading;
using Grader.Worker.Tests.Service;
using Npgsql;

namespace Grader.Worker.Tests.Grading;

/// <summary>
/// Hangfire's connections to PostgreSQL commit without waiting for the disk unless the setting
/// <c>QueueSynchronousCommit</c> says otherwise or the connection string already chose, and
/// prepare what they repeat.
/// </summary>
public class HangfireConnectionStringTests
{
    [Theory]
    [InlineData("Host=db;Database=grader", false, "-c synchronous_commit=off")]
    [InlineData("Host=db;Database=grader", true, null)]
    [InlineData("Host=db;Database=grader;Options=-c statement_timeout=5000", false, "-c statement_timeout=5000 -c synchronous_commit=off")]
    [InlineData("Host=db;Database=grader;Options=-c synchronous_commit=on", false, "-c synchronous_commit=on")]
    [InlineData("Host=db;Database=grader;Options=-c Synchronous_Commit=local", false, "-c Synchronous_Commit=local")]
    public void The_session_options_say_whether_commits_wait_for_the_disk(string connectionString, bool synchronousCommit, string? options)
    {
        var derived = new NpgsqlConnectionStringBuilder(HangfireConnectionString.For(connectionString, synchronousCommit));

        Assert.Equal(options, derived.Options);
        Assert.Equal(32, derived.MaxAutoPrepare); // prepared as the service's own connections are
        Assert.True(derived.NoResetOnClose);
        Assert.Equal("db", derived.Host);
        Assert.Equal("grader", derived.Database);
    }

    [PostgresFact]
    public async Task On_a_real_server_only_the_queue_connection_commits_without_waiting_for_the_disk()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("grader");

        Assert.Equal("on", await SynchronousCommitAsync(connectionString));
        Assert.Equal("off", await SynchronousCommitAsync(HangfireConnectionString.For(connectionString, synchronousCommit: false)));
        Assert.Equal("on", await SynchronousCommitAsync(HangfireConnectionString.For(connectionString, synchronousCommit: true)));
    }

    private static async Task<string?> SynchronousCommitAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var show = new NpgsqlCommand("SHOW synchronous_commit", connection);
        return (string?)await show.ExecuteScalarAsync();
    }
}
