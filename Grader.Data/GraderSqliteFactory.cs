using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Grader.Data;

/// <summary>A provider factory whose connections carry the grader's settings; Quartz's job store uses it.</summary>
public sealed class GraderSqliteFactory : DbProviderFactory
{
    /// <summary>The shared instance.</summary>
    public static readonly GraderSqliteFactory Instance = new();

    /// <inheritdoc />
    public override DbConnection CreateConnection() => new GraderSqliteConnection();

    /// <inheritdoc />
    public override DbCommand CreateCommand() => new SqliteCommand();

    /// <inheritdoc />
    public override DbParameter CreateParameter() => new SqliteParameter();

    /// <inheritdoc />
    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => new SqliteConnectionStringBuilder();
}
