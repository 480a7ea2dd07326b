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

    /// <summary>
    /// The connection string with automatic preparation turned on (<c>Max Auto Prepare=32</c>)
    /// unless it sets <c>Max Auto Prepare</c> itself; <c>Auto Prepare Min Usages</c> is 2 unless it
    /// sets that. Each setting the connection string gives is kept as given.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);

        // The builder writes back only the settings given, each under its canonical name, whatever
        // spelling the connection string used.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = settings.ConnectionString };
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            settings.MaxAutoPrepare = 32;
        }

        if (!given.ContainsKey("Auto Prepare Min Usages"))
        {
            settings.AutoPrepareMinUsages = 2;
        }

        return settings.ConnectionString;
    }
}
