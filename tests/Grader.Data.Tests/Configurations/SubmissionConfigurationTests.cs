using System.Data.Common;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data.Tests.Configurations;

public class SubmissionConfigurationTests
{
    [Theory]
    [MemberData(nameof(ProviderDatabase.Providers), MemberType = typeof(ProviderDatabase))]
    public async Task The_waiting_submissions_are_found_through_an_index_of_the_accepted_ones_alone(string provider)
    {
        await using var database = await ProviderDatabase.CreateAsync(provider);
        var version = await database.AddAssignmentVersionAsync();

        var start = new DateTime(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc);
        var submissions = Enumerable.Range(0, 3).Select(i => new Submission
        {
            ReceivedAt = start.AddMinutes(i), Content = [(byte)i], ContentHash = $"h{i}", Source = "api", AssignmentId = "a", Student = $"s{i}",
            AssignmentVersionId = version, Status = SubmissionStatus.Accepted, ReceiptToken = $"r{i}",
        }).ToList();
        await using (var db = database.Context())
        {
            await SubmissionRows.InsertAsync(db, submissions);
            var grade = new Grade { SubmissionId = submissions[0].Id, Generation = 0, AssignmentVersionId = version, Score = 1, MaxScore = 1, ReportJson = "{}", GradedAt = DateTime.UtcNow, IsCurrent = true };
            await SubmissionRows.StoreAsync(db, [grade], [], []);
        }

        await using var read = database.Context();
        var waiting = read.Submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Accepted);
        Assert.Equal(2, await waiting.LongCountAsync());
        Assert.Equal(start.AddMinutes(1), await waiting.MinAsync(s => (DateTime?)s.ReceivedAt));

        // The index holds the two still accepted, and the planner takes it for the queue's reads.
        await read.Database.OpenConnectionAsync();
        var connection = read.Database.GetDbConnection();
        if (provider == "postgres")
        {
            await ExecuteAsync(connection, "SET enable_seqscan = off"); // a table of three rows is otherwise read whole
            Assert.Contains("IX_submissions_Accepted", await RowsAsync(connection, "EXPLAIN " + waiting.Select(s => s.ReceivedAt).ToQueryString()));
        }
        else
        {
            Assert.Contains("IX_submissions_Accepted", await RowsAsync(connection, "EXPLAIN QUERY PLAN " + waiting.Select(s => s.ReceivedAt).ToQueryString()));
            Assert.Equal("2", await RowsAsync(connection, """SELECT COUNT(*) FROM submissions INDEXED BY "IX_submissions_Accepted" WHERE "Status" = 'Accepted'"""));
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every value of every row the statement returns, one row a line.</summary>
    private static async Task<string> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        }

        return string.Join("\n", lines);
    }
}
