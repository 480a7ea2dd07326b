using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data.Tests;

/// <summary>A fresh SQLite file with the grader's schema and settings.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "grader-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, "grader.db");
        Options = SqliteDatabase.Configure(new DbContextOptionsBuilder<GraderDbContext>(), Path).Options;
        using var db = Context();
        SqliteDatabase.Initialise(db);
    }

    public string Folder { get; }

    public string Path { get; }

    public DbContextOptions<GraderDbContext> Options { get; }

    public GraderDbContext Context() => new(Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
