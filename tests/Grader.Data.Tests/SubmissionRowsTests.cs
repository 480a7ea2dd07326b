using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data.Tests;

public class SubmissionRowsTests
{
    [Theory]
    [MemberData(nameof(ProviderDatabase.Providers), MemberType = typeof(ProviderDatabase))]
    public async Task Inserted_rows_read_back_through_EF_Core_exactly(string provider)
    {
        await using var database = await ProviderDatabase.CreateAsync(provider);
        var version = await database.AddAssignmentVersionAsync();

        var received = new DateTime(2026, 11, 21, 7, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567);
        var submissions = Enumerable.Range(0, 3).Select(i => new Submission
        {
            ReceivedAt = received, Content = [1, 2, (byte)i], ContentHash = $"hash{i}", Source = "api", FileName = i == 0 ? null : "f.yaml",
            AssignmentId = "a", Student = $"s{i}", AssignmentVersionId = version, Status = SubmissionStatus.Accepted, ReceiptToken = $"r{i}",
        }).ToList();
        await using (var db = database.Context())
        {
            await SubmissionRows.InsertAsync(db, submissions);
        }

        Assert.Equal(3, submissions.Select(s => s.Id).Distinct().Count());
        await using var read = database.Context();
        var stored = await read.Submissions.OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(submissions.Select(s => s.Id), stored.Select(s => s.Id));
        var kept = provider == "postgres" ? received.AddTicks(-(received.Ticks % TimeSpan.TicksPerMicrosecond)) : received; // PostgreSQL keeps microseconds
        Assert.All(stored, s => Assert.Equal(kept, s.ReceivedAt));
        Assert.All(stored, s => Assert.Equal(DateTimeKind.Utc, s.ReceivedAt.Kind));
        Assert.Equal(SubmissionStatus.Accepted, stored[0].Status);
        Assert.Equal([1, 2, 2], stored[2].Content);
        Assert.Null(stored[0].FileName);
    }

    [Theory]
    [MemberData(nameof(ProviderDatabase.Providers), MemberType = typeof(ProviderDatabase))]
    public async Task Storing_grades_twice_keeps_one_per_generation_and_history_across_generations(string provider)
    {
        await using var database = await ProviderDatabase.CreateAsync(provider);
        var (id, version) = await SeedAsync(database);
        Grade Make(int generation, double score) => new() { SubmissionId = id, Generation = generation, AssignmentVersionId = version, Score = score, MaxScore = 2, ReportJson = "{}", GradedAt = DateTime.UtcNow, IsCurrent = true };

        await using (var db = database.Context())
        {
            await SubmissionRows.StoreAsync(db, [Make(0, 1)], [], []);
            await SubmissionRows.StoreAsync(db, [Make(0, 2)], [], []); // a retried job: ignored
        }

        await using (var db = database.Context())
        {
            var s = await db.Submissions.SingleAsync();
            s.Generation = 1;
            await db.SaveChangesAsync();
            await SubmissionRows.StoreAsync(db, [Make(1, 2)], [], []);
        }

        await using var read = database.Context();
        var grades = await read.Grades.OrderBy(g => g.Generation).ToListAsync();
        Assert.Equal(2, grades.Count);
        Assert.Equal(1, grades[0].Score);
        Assert.False(grades[0].IsCurrent);
        Assert.True(grades[1].IsCurrent);
        Assert.Equal(SubmissionStatus.Graded, (await read.Submissions.SingleAsync()).Status);
    }

    [Theory]
    [MemberData(nameof(ProviderDatabase.Providers), MemberType = typeof(ProviderDatabase))]
    public async Task A_grade_of_an_older_generation_arriving_late_is_not_stored_and_the_current_one_stays(string provider)
    {
        await using var database = await ProviderDatabase.CreateAsync(provider);
        var (id, version) = await SeedAsync(database);
        Grade Make(int generation, double score) => new() { SubmissionId = id, Generation = generation, AssignmentVersionId = version, Score = score, MaxScore = 2, ReportJson = "{}", GradedAt = DateTime.UtcNow, IsCurrent = true };
        await using (var db = database.Context())
        {
            await db.Submissions.ExecuteUpdateAsync(u => u.SetProperty(s => s.Generation, 1));
            await SubmissionRows.StoreAsync(db, [Make(1, 2)], [], []);
            await SubmissionRows.StoreAsync(db, [Make(0, 1)], [], []); // a job of generation 0 that finished late
        }

        await using var read = database.Context();
        var grade = Assert.Single(await read.Grades.ToListAsync());
        Assert.Equal((1, 2.0, true), (grade.Generation, grade.Score, grade.IsCurrent));
        Assert.Equal(SubmissionStatus.Graded, (await read.Submissions.SingleAsync()).Status);
    }

    [Theory]
    [MemberData(nameof(ProviderDatabase.Providers), MemberType = typeof(ProviderDatabase))]
    public async Task A_failure_is_kept_with_its_reason_unless_the_submission_moved_on(string provider)
    {
        await using var database = await ProviderDatabase.CreateAsync(provider);
        var (id, _) = await SeedAsync(database);
        await using (var db = database.Context())
        {
            await SubmissionRows.StoreAsync(db, [], [], [(id, 5, "stale generation")]);
            Assert.Equal(SubmissionStatus.Accepted, (await db.Submissions.AsNoTracking().SingleAsync()).Status);
            await SubmissionRows.StoreAsync(db, [], [], [(id, 0, "boom")]);
        }

        await using var read = database.Context();
        var s = await read.Submissions.SingleAsync();
        Assert.Equal(SubmissionStatus.Failed, s.Status);
        Assert.Equal("boom", s.Reason);
    }

    [Theory]
    [MemberData(nameof(ProviderDatabase.Providers), MemberType = typeof(ProviderDatabase))]
    public async Task A_failed_submission_graded_at_its_generation_becomes_graded_and_a_graded_one_is_not_written_again(string provider)
    {
        await using var database = await ProviderDatabase.CreateAsync(provider);
        var (id, version) = await SeedAsync(database);
        Grade Make(double score) => new() { SubmissionId = id, Generation = 0, AssignmentVersionId = version, Score = score, MaxScore = 2, ReportJson = "{}", GradedAt = DateTime.UtcNow, IsCurrent = true };
        var settled = new List<long>();
        Task Settled(IReadOnlyList<long> ids, CancellationToken _)
        {
            settled.AddRange(ids);
            return Task.CompletedTask;
        }

        await using var db = database.Context();
        await SubmissionRows.StoreAsync(db, [], [], [(id, 0, "boom")], beforeCommit: Settled);
        await SubmissionRows.StoreAsync(db, [Make(2)], [], [], beforeCommit: Settled);
        var graded = await db.Submissions.AsNoTracking().SingleAsync();
        Assert.Equal((SubmissionStatus.Graded, null), (graded.Status, graded.Reason));
        Assert.Equal([id], settled); // settled once, by the failure: grading it later does not count it again

        var writesBefore = await RowWritesAsync(db, id);
        await SubmissionRows.StoreAsync(db, [Make(1)], [(id, 0)], [], beforeCommit: Settled); // the job run again, here or elsewhere
        Assert.Equal(writesBefore, await RowWritesAsync(db, id));
        Assert.Equal(2, (await db.Grades.AsNoTracking().SingleAsync()).Score);
    }

    /// <summary>
    /// What tells whether the submission's row was written: its row version on PostgreSQL
    /// (<c>xmin</c>), a count kept by a trigger on SQLite (installed at the first call).
    /// </summary>
    private static async Task<string> RowWritesAsync(GraderDbContext db, long id)
    {
        if (db.Database.IsNpgsql())
        {
            return await db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM submissions WHERE \"Id\" = {id}").SingleAsync();
        }

        await db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE IF NOT EXISTS row_writes (n INTEGER NOT NULL);
            INSERT INTO row_writes SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM row_writes);
            CREATE TRIGGER IF NOT EXISTS submissions_written AFTER UPDATE ON submissions BEGIN UPDATE row_writes SET n = n + 1; END;
            """);
        return (await db.Database.SqlQueryRaw<long>("SELECT n AS \"Value\" FROM row_writes").SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(long Id, long Version)> SeedAsync(ProviderDatabase database)
    {
        var version = await database.AddAssignmentVersionAsync();
        await using var db = database.Context();
        var s = new Submission { ReceivedAt = DateTime.UtcNow, Content = [1], ContentHash = "x", Source = "api", AssignmentId = "a", Student = "s", AssignmentVersionId = version, Status = SubmissionStatus.Accepted, ReceiptToken = "r" };
        db.Submissions.Add(s);
        await db.SaveChangesAsync();
        return (s.Id, version);
    }
}
