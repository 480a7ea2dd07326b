using Grader.Data.Entities;
using Grader.Tests;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data.Tests;

/// <summary>
/// A fresh database with the grader's schema on either provider: a SQLite file
/// (<see cref="TestDatabase"/>), or a database on a throw-away PostgreSQL server, so the hot
/// writes' SQL is checked on both.
/// </summary>
public sealed class ProviderDatabase : IAsyncDisposable
{
    private readonly TestDatabase? sqlite;
    private readonly PostgresServer? postgres;

    private ProviderDatabase(DbContextOptions<GraderDbContext> options, TestDatabase? sqlite, PostgresServer? postgres)
    {
        Options = options;
        this.sqlite = sqlite;
        this.postgres = postgres;
    }

    public DbContextOptions<GraderDbContext> Options { get; }

    /// <summary>The providers the tests run on; PostgreSQL only where its binaries are installed (bash .ci/run installs them).</summary>
    public static TheoryData<string> Providers =>
        PostgresServer.Unavailable is null ? new() { "sqlite", "postgres" } : new() { "sqlite" };

    public static async Task<ProviderDatabase> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var file = new TestDatabase();
            return new ProviderDatabase(file.Options, file, null);
        }

        var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync("grader");
        var options = PostgresDatabase.Configure(new DbContextOptionsBuilder<GraderDbContext>(), connectionString).Options;
        await using (var db = new GraderDbContext(options))
        {
            GraderDatabase.Initialise(db);
        }

        return new ProviderDatabase(options, null, server);
    }

    public GraderDbContext Context() => new(Options);

    /// <summary>Stores the current version of assignment "a" (what submissions and grades point to); returns its id.</summary>
    public async Task<long> AddAssignmentVersionAsync()
    {
        await using var db = Context();
        var v = new AssignmentVersion { AssignmentId = "a", Hash = "h", Text = "id: a", SourcePath = "a.yaml", LoadedAt = DateTime.UtcNow, IsCurrent = true };
        db.AssignmentVersions.Add(v);
        await db.SaveChangesAsync();
        return v.Id;
    }

    public async ValueTask DisposeAsync()
    {
        sqlite?.Dispose();
        if (postgres is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await postgres.DisposeAsync();
        }
    }
}
