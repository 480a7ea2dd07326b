using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Grader.Data;

/// <summary>
/// Statements of one transaction sent together: in one round trip where the provider batches
/// (Npgsql's <see cref="DbBatch"/>), one after another where it does not (SQLite, in-process, where
/// a round trip costs nothing), each distinct statement prepared once and reused with new values.
/// The statements run in the order they were added, with the same results either way.
/// </summary>
internal sealed class StatementBatch(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    // The parameters' names as the SQL spells them ("@assignment"): Microsoft.Data.Sqlite looks a bare
    // name up in the statement, then with each of the prefixes '@', '$' and ':' in turn, each look-up a
    // new UTF-8 string and a scan of the statement's names (3-4 % of the service's CPU under load, perf).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string[], string[]> Prefixed = [];
    private readonly List<(string Sql, string[] Names, object?[] Values)> statements = [];
    private readonly Dictionary<string, DbCommand> prepared = new(StringComparer.Ordinal);

    /// <summary>A batch on <paramref name="db"/>'s connection, inside the transaction it has begun.</summary>
    public static async Task<StatementBatch> OpenAsync(GraderDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The hot statements run inside the caller's transaction.");
        return new StatementBatch(db.Database.GetDbConnection(), transaction);
    }

    /// <summary>How many statements are waiting.</summary>
    public int Count => statements.Count;

    /// <summary>Adds a statement with its parameters' names and values (null is SQL NULL).</summary>
    public void Add(string sql, string[] names, params object?[] values) => statements.Add((sql, names, values));

    /// <summary>Runs the waiting statements; returns the rows each affected, in order.</summary>
    public async Task<int[]> ExecuteAsync(CancellationToken ct)
    {
        var affected = new int[statements.Count];
        if (statements.Count == 0)
        {
            return affected;
        }

        if (connection.CanCreateBatch)
        {
            await using var batch = Batch();
            await batch.ExecuteNonQueryAsync(ct);
            for (var i = 0; i < affected.Length; i++)
            {
                affected[i] = batch.BatchCommands[i].RecordsAffected;
            }
        }
        else
        {
            for (var i = 0; i < affected.Length; i++)
            {
                affected[i] = await Command(statements[i]).ExecuteNonQueryAsync(ct);
            }
        }

        statements.Clear();
        return affected;
    }

    /// <summary>Runs the waiting statements (queries); <paramref name="row"/> is called for each row of each, with the statement's index.</summary>
    public async Task QueryAsync(Action<int, DbDataReader> row, CancellationToken ct)
    {
        if (statements.Count == 0)
        {
            return;
        }

        if (connection.CanCreateBatch)
        {
            await using var batch = Batch();
            await using var reader = await batch.ExecuteReaderAsync(ct);
            for (var i = 0; i < statements.Count; i++)
            {
                while (await reader.ReadAsync(ct))
                {
                    row(i, reader);
                }

                await reader.NextResultAsync(ct);
            }
        }
        else
        {
            for (var i = 0; i < statements.Count; i++)
            {
                await using var reader = await Command(statements[i]).ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    row(i, reader);
                }
            }
        }

        statements.Clear();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var command in prepared.Values)
        {
            await command.DisposeAsync();
        }
    }

    private DbBatch Batch()
    {
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var (sql, bare, values) in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            var names = Named(bare);
            for (var i = 0; i < names.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = names[i];
                parameter.Value = values[i] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    private DbCommand Command((string Sql, string[] Names, object?[] Values) statement)
    {
        if (!prepared.TryGetValue(statement.Sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement.Sql;
            foreach (var name in Named(statement.Names))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            prepared[statement.Sql] = command;
        }

        for (var i = 0; i < statement.Names.Length; i++)
        {
            command.Parameters[i].Value = statement.Values[i] ?? DBNull.Value;
        }

        return command;
    }

    private static string[] Named(string[] names) =>
        Prefixed.GetValue(names, n => [.. n.Select(name => name.StartsWith('@') ? name : "@" + name)]);
}
