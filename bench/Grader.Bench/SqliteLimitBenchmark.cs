using System.Diagnostics;
using Grader.Data;
using Microsoft.Data.Sqlite;

namespace Grader.Bench;

/// <summary>
/// Phase 4: what the storage allows on this machine with the service's settings (WAL,
/// synchronous=FULL): small durable rows committed one per transaction, and in batches.
/// </summary>
public static class SqliteLimitBenchmark
{
    /// <summary>Rows per second committed singly and in batches of <paramref name="batch"/>.</summary>
    public static (double Single, double Batched) Run(string folder, TimeSpan duration, int batch = 200)
    {
        var path = Path.Combine(folder, "limit.db");
        using var connection = new SqliteConnection(SqliteDatabase.ConnectionString(path));
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);");
        var payload = new string('x', 200);
        return (Rate(connection, payload, 1, duration), Rate(connection, payload, batch, duration));
    }

    private static double Rate(SqliteConnection connection, string payload, int perTransaction, TimeSpan duration)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO rows (payload) VALUES ($p)";
        insert.Parameters.AddWithValue("$p", payload);
        var rows = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            for (var i = 0; i < perTransaction; i++)
            {
                insert.ExecuteNonQuery();
            }

            tx.Commit();
            rows += perTransaction;
        }

        return rows / watch.Elapsed.TotalSeconds;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
