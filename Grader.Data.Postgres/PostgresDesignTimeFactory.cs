using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Grader.Data.Postgres;

/// <summary>The context <c>dotnet ef</c> uses to write PostgreSQL migrations (no database is opened).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<GraderDbContext>
{
    /// <inheritdoc />
    public GraderDbContext CreateDbContext(string[] args) =>
        new(PostgresDatabase.Configure(new DbContextOptionsBuilder<GraderDbContext>(), "Host=localhost;Database=grader_design").Options);
}
