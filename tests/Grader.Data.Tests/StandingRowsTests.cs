using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data.Tests;

/// <summary>The standings' prepared statements, on both providers: what they read is what the rows hold, and what they write reads back through EF Core.</summary>
public class StandingRowsTests
{
    [Theory]
    [MemberData(nameof(ProviderDatabase.Providers), MemberType = typeof(ProviderDatabase))]
    public async Task A_students_submissions_are_read_with_their_current_grades_and_extension(string provider)
    {
        await using var database = await ProviderDatabase.CreateAsync(provider);
        var (version, ids) = await SeedAsync(database);
        await using (var db = database.Context())
        {
            await SubmissionRows.StoreAsync(db, [Grade(ids[0], version, 1), Grade(ids[2], version, 3)], [], []);
            db.Extensions.Add(new Extension { AssignmentId = "a", Student = "s1", Due = Day(9), GrantedBy = "ta", GrantedAt = Day(1) });
            await db.SaveChangesAsync();
        }

        await using var read = database.Context();
        await using var tx = await read.Database.BeginTransactionAsync();
        var (rows, before) = await StandingRows.ReadAsync(read, [("a", "s1"), ("a", "s2"), ("a", "nobody")], s => s.ToUpperInvariant());
        Assert.Equal(
            [(ids[0], "s1", (double?)1.0, (DateTime?)Day(9)), (ids[1], "s1", null, Day(9)), (ids[2], "s2", 3.0, null)],
            rows.OrderBy(r => r.SubmissionId).Select(r => (r.SubmissionId, r.Student, r.Score, r.ExtendedDue)));
        Assert.All(rows.Where(r => r.Score is not null), r => Assert.Equal(version, r.GradedVersionId));
        Assert.Equal(Day(2), rows.Single(r => r.SubmissionId == ids[0]).ReceivedAt);
        Assert.Equal(3, before.Count); // one "before" row per pair: no stored standing yet, no class list
        Assert.All(before.Values, b => Assert.Equal(new StandingBefore(null, false), b));
    }

    [Theory]
    [MemberData(nameof(ProviderDatabase.Providers), MemberType = typeof(ProviderDatabase))]
    public async Task Standings_are_inserted_replaced_and_deleted_and_the_revision_moves_on(string provider)
    {
        await using var database = await ProviderDatabase.CreateAsync(provider);
        var (_, ids) = await SeedAsync(database);
        await using (var db = database.Context())
        {
            db.StandingsComputed.Add(new StandingsComputed { AssignmentId = "a", ComputedAt = Day(1), Revision = 4, LastGradedAt = Day(3) });
            db.StandingsComputed.Add(new StandingsComputed { AssignmentId = "b", ComputedAt = Day(1), Revision = 1 });
            await db.SaveChangesAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await StandingRows.WriteAsync(db, [Standing("s1", ids[0], 1), Standing("s2", ids[2], 3)], [],
                new Dictionary<string, StandingTotalsChange> { ["a"] = new(Day(2), Settled: 2, Students: 2, CountedSum: 4), ["b"] = new(null, Settled: 1) });
            await StandingRows.WriteAsync(db, [Standing("s1", ids[1], 2)], [("a", "s2")],
                new Dictionary<string, StandingTotalsChange> { ["a"] = new(Day(5), Students: -1, CountedSum: -2, MaxAttempts: 2), ["b"] = new(Day(4)), ["never-computed"] = new(Day(5)) });
            await tx.CommitAsync();
        }

        await using var read = database.Context();
        var stored = Assert.Single(await read.Standings.ToListAsync());
        Assert.Equal(("s1", ids[1], 2.0, "S1"), (stored.Student, stored.SubmissionId, stored.Counted, stored.StudentKey));
        var markers = await read.StandingsComputed.OrderBy(m => m.AssignmentId).ToListAsync();
        Assert.Equal(["a", "b"], markers.Select(m => m.AssignmentId)); // no marker made for an assignment never computed
        var marker = markers[0];
        Assert.Equal((6L, (DateTime?)Day(5)), (marker.Revision, marker.LastGradedAt)); // two writes; an earlier grade time never lowers it
        Assert.Equal((2, 1, 2.0, 2), (marker.Settled, marker.Students, marker.CountedSum, marker.MaxAttempts)); // the totals move by the changes given
        Assert.Equal((3L, (DateTime?)Day(4), 1), (markers[1].Revision, markers[1].LastGradedAt, markers[1].Settled)); // no grade time leaves none; the first one sets it
    }

    private static DateTime Day(int day) => new(2026, 11, day, 12, 0, 0, DateTimeKind.Utc);

    private static Grade Grade(long id, long version, double score) =>
        new() { SubmissionId = id, Generation = 0, AssignmentVersionId = version, Score = score, MaxScore = 4, ReportJson = "{}", GradedAt = Day(4), IsCurrent = true };

    private static StoredStanding Standing(string student, long submission, double counted) => new()
    {
        AssignmentId = "a", Student = student, StudentKey = student.ToUpperInvariant(), SubmissionId = submission, ReceivedAt = Day(2),
        Raw = counted, MaxScore = 4, Counted = counted, Attempt = 1, Attempts = 1, GradedAt = Day(4),
    };

    private static async Task<(long Version, long[] Ids)> SeedAsync(ProviderDatabase database)
    {
        var version = await database.AddAssignmentVersionAsync();
        await using var db = database.Context();
        Submission Make(string student, SubmissionStatus status, int n) => new()
        {
            ReceivedAt = Day(2).AddMinutes(n), Content = [1], ContentHash = $"x{n}", Source = "api", AssignmentId = "a", Student = student,
            AssignmentVersionId = version, Status = status, ReceiptToken = $"r{n}",
        };
        List<Submission> submissions = [Make("s1", SubmissionStatus.Accepted, 0), Make("s1", SubmissionStatus.Accepted, 1), Make("s2", SubmissionStatus.Accepted, 2), Make("s2", SubmissionStatus.Rejected, 3)];
        await SubmissionRows.InsertAsync(db, submissions);
        return (version, [.. submissions.Select(s => s.Id)]);
    }
}
