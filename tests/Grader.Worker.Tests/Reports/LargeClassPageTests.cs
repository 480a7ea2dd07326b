using Grader.Data.Entities;
using Grader.Worker.Reports;
using Grader.Worker.Tests.Service;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests.Reports;

/// <summary>
/// A class of more than <see cref="StatisticsCache.InlineLimit"/> counted students: the assignment
/// page never recomputes its statistics or answer groups within the request (the first answer says
/// they are being computed, with none shown), and shows them once the background computation is done.
/// </summary>
[Collection("service")]
public class LargeClassPageTests
{
    [Fact]
    public async Task A_large_class_is_answered_at_once_and_its_statistics_follow_from_the_background()
    {
        await using var service = await TestService.StartAsync();
        var id = (await service.PostAsync(AnswerFiles.For("tanh-network", "seed", 1))).Body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);
        const int students = StatisticsCache.InlineLimit + 1;
        using (var db = service.Db())
        {
            // Every other student's submission a copy of the graded one, inserted directly (as the benchmark's scale phase).
            var graded = db.Grades.Single(g => g.SubmissionId == id && g.IsCurrent);
            var source = db.Submissions.Single(s => s.Id == id);
            for (var i = 0; i < students; i++)
            {
                db.Submissions.Add(new Submission
                {
                    ReceivedAt = source.ReceivedAt.AddSeconds(i + 1), Content = source.Content, ContentHash = $"copy-{i}", Source = "api",
                    AssignmentId = "tanh-network", Student = $"s{i:000}", AssignmentVersionId = source.AssignmentVersionId, Status = SubmissionStatus.Graded,
                    ReceiptToken = $"copy-{i}",
                    Grades = [new Grade { AssignmentVersionId = graded.AssignmentVersionId, Score = graded.Score, MaxScore = graded.MaxScore, ReportJson = graded.ReportJson, GradedAt = graded.GradedAt, IsCurrent = true }],
                });
            }

            await db.SaveChangesAsync();
        }

        await service.Services.GetRequiredService<StandingStore>().RecomputeAsync("tanh-network");
        var first = await service.Http.GetStringAsync("/assignments/tanh-network");
        Assert.Contains("id=\"statistics-pending\"", first, StringComparison.Ordinal);
        Assert.Contains("id=\"answer-groups-pending\"", first, StringComparison.Ordinal);
        Assert.Contains($"{students + 1} student(s) graded", first, StringComparison.Ordinal); // from the stored totals, at once

        var deadline = DateTime.UtcNow.AddSeconds(60);
        string page;
        do
        {
            await Task.Delay(100);
            page = await service.Http.GetStringAsync("/assignments/tanh-network");
        }
        while ((page.Contains("-pending\"", StringComparison.Ordinal)) && DateTime.UtcNow < deadline);

        Assert.DoesNotContain("-pending\"", page, StringComparison.Ordinal);
        var statistics = service.Services.GetRequiredService<StatisticsCache>();
        Assert.Equal(students + 1, (await statistics.ForAsync("tanh-network")).Statistics.Students);
    }
}
