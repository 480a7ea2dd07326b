namespace Grader.Worker.Settings;

/// <summary>
/// Where the data lives, section <c>Grader:Database</c>: SQLite (the default, one file, one node)
/// or PostgreSQL (any number of nodes share the database and the queue).
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>The SQLite provider's name (the default).</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The PostgreSQL provider's name.</summary>
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (the default; the file is <see cref="GraderOptions.DatabasePath"/>) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The PostgreSQL connection string (Npgsql's format), when <see cref="Provider"/> is <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL: how many bursts of incoming submissions the whole cluster stores at once (default
    /// 2), shared among the live nodes: each stores max(1, this ÷ live nodes) at once. A burst graded
    /// at intake is several round trips before its commit, so a second one keeps the server busy while
    /// the first waits; more bursts than the server has cores to run them make smaller bursts, more
    /// commits and more of the server's CPU per submission (two nodes storing two each graded 0.82×
    /// one node on a 2-core machine, one each 1.0×: docs/performance.md). SQLite stores one at a time.
    /// </summary>
    public int IntakeWriters { get; set; } = 2;

    /// <summary>The most <see cref="IntakeWriters"/> allowed (each is a loop on every node, parked when not its share).</summary>
    public const int MaxIntakeWriters = 64;

    /// <summary>True for PostgreSQL; throws on an unknown provider or a missing connection string.</summary>
    public bool IsPostgres => Provider.Trim().ToLowerInvariant() switch
    {
        Sqlite => false,
        Postgres or "postgresql" => !string.IsNullOrWhiteSpace(ConnectionString) ? true
            : throw new InvalidOperationException("Grader:Database:Provider is postgres but Grader:Database:ConnectionString is empty"),
        _ => throw new InvalidOperationException($"unknown Grader:Database:Provider '{Provider}' (sqlite or postgres)"),
    };
}
