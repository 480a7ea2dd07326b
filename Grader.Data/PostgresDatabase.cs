using Microsoft.EntityFrameworkCore;

namespace Grader.Data;

/// <summary>The PostgreSQL provider: several service nodes share one database.</summary>
public static class PostgresDatabase
{
    /// <summary>The assembly holding the PostgreSQL migrations.</summary>
    public const string MigrationsAssembly = "Grader.Data.Postgres";

    /// <summary>Configures a context for a PostgreSQL connection string, with its migrations.</summary>
    public static TBuilder Configure<TBuilder>(TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(MigrationsAssembly));
        return builder;
    }
}
