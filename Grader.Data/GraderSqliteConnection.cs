using Microsoft.Data.Sqlite;

namespace Grader.Data;

/// <summary>A SQLite connection opened with the grader's settings: the fast busy handler and synchronous=FULL.</summary>
public sealed class GraderSqliteConnection : SqliteConnection
{
    /// <summary>The per-connection pragmas.</summary>
    internal const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    /// <inheritdoc />
    public override void Open()
    {
        base.Open();
        Configure(this);
    }

    /// <summary>Applies the settings to any open SQLite connection.</summary>
    public static void Configure(SqliteConnection connection)
    {
        SqliteBusyHandler.Install(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
