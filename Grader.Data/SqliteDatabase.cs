using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data;

/// <summary>Opens the SQLite file with durable settings and creates the schema.</summary>
public static class SqliteDatabase
{
    /// <summary>
    /// The connection string for a database file: a busy timeout so that concurrent writers wait
    /// instead of failing, pooling on.
    /// </summary>
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// Creates the file and tables if missing, and sets WAL journaling with synchronous=FULL:
    /// a committed row survives a crash or power loss.
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
            db.Database.EnsureCreated();
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }
}
