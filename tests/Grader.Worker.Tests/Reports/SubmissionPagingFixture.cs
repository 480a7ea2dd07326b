using Grader.Data.Entities;
using Grader.Worker.Tests.Service;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Tests.Reports;

/// <summary>
/// The service on a SQLite file holding 500 tanh-network submissions inserted directly: 50
/// students (s000–s049) with 10 each, a minute apart around the due date; every 7th failed,
/// every 11th rejected, the others graded with scores spread over 0–13 (one real report's JSON);
/// s001 has an extension of a day.
/// </summary>
public sealed class SubmissionPagingFixture : IAsyncLifetime
{
    public static readonly DateTime Due = new(2026, 11, 2, 12, 0, 0, DateTimeKind.Utc);

    public TestService Service { get; private set; } = null!;

    public List<Submission> Rows { get; } = [];

    public Dictionary<long, double> Scores { get; } = [];

    public DateTime ExtendedDue => Due.AddDays(1);

    public async Task InitializeAsync()
    {
        Service = await TestService.StartAsync();
        await PolicyIntakeTests.PolicyAsync(Service, new DateTimeOffset(Due), "");
        await using var db = Service.Db();
        var version = await db.AssignmentVersions.Where(v => v.AssignmentId == "tanh-network" && v.IsCurrent).Select(v => v.Id).SingleAsync();
        var report = """{"assignment":"tanh-network","student":"x","score":0,"maxScore":13,"questions":[],"warnings":[]}""";
        for (var i = 0; i < 500; i++)
        {
            var status = i % 11 == 0 ? SubmissionStatus.Rejected : i % 7 == 0 ? SubmissionStatus.Failed : SubmissionStatus.Graded;
            var s = new Submission
            {
                ReceivedAt = Due.AddMinutes(i - 250),
                Content = [1],
                ContentHash = $"h{i}",
                Source = "api",
                AssignmentId = "tanh-network",
                Student = $"s{(i * 13) % 50:000}",
                AssignmentVersionId = version,
                Status = status,
                ReceiptToken = $"paging-{i}",
            };
            if (status == SubmissionStatus.Graded)
            {
                var score = (i * 37 % 131) / 10.0;
                s.Grades.Add(new Grade { AssignmentVersionId = version, Score = score, MaxScore = 13, ReportJson = report, GradedAt = s.ReceivedAt.AddSeconds(5), IsCurrent = true });
            }

            Rows.Add(s);
        }

        db.Submissions.AddRange(Rows);
        db.Extensions.Add(new Extension { AssignmentId = "tanh-network", Student = "s001", Due = ExtendedDue, GrantedBy = "ta", GrantedAt = Due });
        await db.SaveChangesAsync();
        foreach (var s in Rows.Where(s => s.Grades.Count > 0))
        {
            Scores[s.Id] = s.Grades[0].Score;
        }
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();
}
