using Microsoft.EntityFrameworkCore;

namespace Grader.Data;

/// <summary>The PostgreSQL provider: several service nodes share one database.</summary>
public static class PostgresDatabase
{
    /// <summary>The assembly holding the PostgreSQL migrations.</summary>
    public const string MigrationsAssembly = "Grader.Data.Postgres";

    /// <summary>
    /// Configures a context for a PostgreSQL connection string, with its migrations. Unless the
    /// string says otherwise, Npgsql prepares the statements a connection runs repeatedly (the hot
    /// writes send hundreds per batch; planning each anew cost more than running it).
    /// </summary>
    public static TBuilder Configure<TBuilder>(TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        builder.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsAssembly(MigrationsAssembly));
        return builder;
    }

    /// <summary>The connection string with automatic preparation turned on, unless it sets <c>Max Auto Prepare</c> itself.</summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = 32;
            settings.AutoPrepareMinUsages = 2;
        }

        return settings.ConnectionString;
    }
}
