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
        long version;
        await using (var db = database.Context())
        {
            var v = new AssignmentVersion { AssignmentId = "a", Hash = "h", Text = "id: a", SourcePath = "a.yaml", LoadedAt = DateTime.UtcNow, IsCurrent = true };
            db.AssignmentVersions.Add(v);
            await db.SaveChangesAsync();
            version = v.Id;
        }

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

    private static async Task<(long Id, long Version)> SeedAsync(ProviderDatabase database)
    {
        await using var db = database.Context();
        var v = new AssignmentVersion { AssignmentId = "a", Hash = "h", Text = "id: a", SourcePath = "a.yaml", LoadedAt = DateTime.UtcNow, IsCurrent = true };
        db.AssignmentVersions.Add(v);
        await db.SaveChangesAsync();
        var s = new Submission { ReceivedAt = DateTime.UtcNow, Content = [1], ContentHash = "x", Source = "api", AssignmentId = "a", Student = "s", AssignmentVersionId = v.Id, Status = SubmissionStatus.Accepted, ReceiptToken = "r" };
        db.Submissions.Add(s);
        await db.SaveChangesAsync();
        return (s.Id, v.Id);
    }
}
