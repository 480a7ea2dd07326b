using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data;

/// <summary>The SQLite provider: connection string, context options, and opening the file with durable settings.</summary>
public static class SqliteDatabase
{
    /// <summary>The assembly holding the SQLite migrations.</summary>
    public const string MigrationsAssembly = "Grader.Data.Sqlite";

    /// <summary>
    /// The connection string for a database file: pooling on, and a 30 s command timeout within
    /// which a busy database is waited for (see <see cref="GraderSqliteConnection"/>).
    /// </summary>
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Configures a context for the database file at <paramref name="path"/>, with its migrations and per-connection settings.</summary>
    public static TBuilder Configure<TBuilder>(TBuilder builder, string path)
        where TBuilder : DbContextOptionsBuilder
    {
        builder.UseSqlite(ConnectionString(path), o => o.MigrationsAssembly(MigrationsAssembly)).AddInterceptors(new SqlitePragmaInterceptor());
        return builder;
    }

    /// <summary>
    /// Creates the file, sets WAL journaling with synchronous=FULL (a committed row survives a
    /// crash or power loss), and creates or upgrades the schema (<see cref="GraderDatabase.Migrate"/>).
    /// </summary>
    public static void Initialise(GraderDbContext db)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(db.Database.GetDbConnection().DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        db.Database.OpenConnection();
        try
        {
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            db.Database.ExecuteSqlRaw("PRAGMA synchronous=FULL;");
            GraderDatabase.Migrate(db);
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }
}
