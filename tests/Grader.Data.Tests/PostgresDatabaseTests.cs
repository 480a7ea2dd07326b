using Grader.Tests;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Grader.Data.Tests;

public class PostgresDatabaseTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Database=grader", 32, 2)]
    [InlineData("Host=127.0.0.1;Database=grader;Max Auto Prepare=0", 0, 2)] // the operator's choice stands: nothing is prepared
    [InlineData("Host=127.0.0.1;Database=grader;Max Auto Prepare=8;Auto Prepare Min Usages=3", 8, 3)]
    [InlineData("Host=127.0.0.1;Database=grader;Auto Prepare Min Usages=5", 32, 5)]
    [InlineData("Host=127.0.0.1;Database=grader;maxautoprepare=4", 4, 2)]
    public void Statements_are_prepared_automatically_unless_the_connection_string_says_otherwise(string connectionString, int maxAutoPrepare, int minUsages)
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresDatabase.WithAutoPrepare(connectionString));
        Assert.Equal((maxAutoPrepare, minUsages), (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages));
        Assert.Equal("grader", settings.Database);
    }

    [PostgresFact]
    public async Task Grade_reports_are_compressed_with_lz4_and_read_back_whole()
    {
        await using var database = await ProviderDatabase.CreateAsync("postgres");
        await using var db = database.Context();
        // The server's own build decides (Debian's has lz4): the migration keeps pglz where it cannot.
        var supported = await db.Database.SqlQueryRaw<string>("SELECT setting AS \"Value\" FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)").AnyAsync();
        var method = await db.Database.SqlQueryRaw<string>(
            "SELECT attcompression::text AS \"Value\" FROM pg_attribute WHERE attrelid = 'grades'::regclass AND attname = 'ReportJson'").SingleAsync();
        Assert.Equal(supported ? "l" : "", method);

        // A report large enough to be compressed reads back as it was written.
        var version = await database.AddAssignmentVersionAsync();
        var report = "{\"questions\":[" + string.Join(",", Enumerable.Range(0, 400).Select(i => $"{{\"id\":\"q{i}\",\"score\":{i % 3}}}")) + "]}";
        db.Submissions.Add(new Entities.Submission { ReceivedAt = DateTime.UtcNow, Content = [1], ContentHash = "h", Source = "api", AssignmentId = "a", Student = "s", AssignmentVersionId = version, Status = Entities.SubmissionStatus.Graded, ReceiptToken = "r" });
        await db.SaveChangesAsync();
        var id = await db.Submissions.Select(s => s.Id).SingleAsync();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await SubmissionRows.InsertFirstGradesAsync(db, [new Entities.Grade { SubmissionId = id, AssignmentVersionId = version, Score = 1, MaxScore = 2, ReportJson = report, GradedAt = DateTime.UtcNow, IsCurrent = true }]);
            await tx.CommitAsync();
        }

        await using var read = database.Context();
        Assert.Equal(report, await read.Grades.Select(g => g.ReportJson).SingleAsync());
        if (supported)
        {
            Assert.Equal("lz4", await read.Database.SqlQueryRaw<string>("SELECT pg_column_compression(\"ReportJson\") AS \"Value\" FROM grades").SingleAsync());
        }
    }
}
