using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Grader.Data;

/// <summary>
/// Creates and upgrades the schema with EF Core migrations, applied at start.
/// <para>
/// Adding a table: add the entity, its <c>IEntityTypeConfiguration</c> and its <c>DbSet</c>, then
/// write a migration for each provider (each provider's migrations live in their own assembly):
/// <c>dotnet tool restore</c>, then <c>dotnet ef migrations add NAME --project Grader.Data.Sqlite</c>
/// and <c>dotnet ef migrations add NAME --project Grader.Data.Postgres</c> (docs/operations.md, "Adding a table").
/// </para>
/// </summary>
public static class GraderDatabase
{
    /// <summary>
    /// Prepares the database at start: for SQLite the file and its journal settings
    /// (<see cref="SqliteDatabase.Initialise"/>), then the migrations. Several PostgreSQL nodes may
    /// start at once: EF Core takes a database lock while it migrates.
    /// </summary>
    public static void Initialise(GraderDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            SqliteDatabase.Initialise(db);
        }
        else
        {
            Migrate(db);
        }
    }

    /// <summary>
    /// Applies every pending migration. A SQLite file written by release 1 (created by
    /// <c>EnsureCreated</c>, so without a migrations history) holds exactly the first migration's
    /// tables: that migration is recorded as applied first, and the later ones upgrade it in place.
    /// </summary>
    public static void Migrate(GraderDbContext db)
    {
        AdoptReleaseOneSchema(db);
        if (!db.Database.IsSqlite())
        {
            // On a new PostgreSQL database EF Core's first look at the history table fails and is
            // logged as an error; creating the (empty) table first keeps the first start's log clean.
            db.Database.ExecuteSqlRaw(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript());
        }

        db.Database.Migrate();
    }

    private static void AdoptReleaseOneSchema(GraderDbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var history = db.GetService<IHistoryRepository>();
        if (history.Exists() || !SqliteTableExists(db, "submissions"))
        {
            return;
        }

        var first = db.Database.GetMigrations().First();
        db.Database.ExecuteSqlRaw(history.GetCreateIfNotExistsScript());
        db.Database.ExecuteSqlRaw(history.GetInsertScript(new HistoryRow(first, ProductInfo.GetVersion())));
    }

    private static bool SqliteTableExists(GraderDbContext db, string table) =>
        db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}").AsEnumerable().Single() > 0;
}
