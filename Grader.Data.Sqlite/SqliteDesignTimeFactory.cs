using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Grader.Data.Sqlite;

/// <summary>The context <c>dotnet ef</c> uses to write SQLite migrations (no database is opened).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<GraderDbContext>
{
    /// <inheritdoc />
    public GraderDbContext CreateDbContext(string[] args) =>
        new(SqliteDatabase.Configure(new DbContextOptionsBuilder<GraderDbContext>(), "design-time.db").Options);
}
