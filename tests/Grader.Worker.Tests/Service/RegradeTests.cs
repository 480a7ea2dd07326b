using System.Net.Http.Json;
using System.Text.Json;
using Grader.Data;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests.Service;

[Collection("service")]
public class RegradeTests
{
    [Fact]
    public async Task A_regrade_after_the_key_changes_updates_every_grade_and_keeps_the_old_ones()
    {
        await using var service = await TestService.StartAsync();
        var seed = await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"));
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var (_, body) = await service.PostAsync(seed.Replace("student: seed-004", $"student: s{i}"));
            ids.Add(body.GetProperty("id").GetInt64());
        }

        var before = await service.WaitForAsync(ids);
        Assert.All(before.Values, s => Assert.Equal(9, s.GetProperty("score").GetDouble()));

        // The instructor changes the target: y = 0.5 becomes 0.6, so every gradient changes.
        var file = Path.Combine(service.AssignmentsPath, "tanh-network.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("  y: 0.5", "  y: 0.6"));
        using var response = await service.Http.PostAsync("/api/assignments/tanh-network/regrade", null);
        Assert.Equal(202, (int)response.StatusCode);
        Assert.Equal(5, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queued").GetInt32());

        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var id in ids)
        {
            JsonElement s;
            while ((s = await service.GetAsync(id)).GetProperty("history").GetArrayLength() < 2 || s.GetProperty("status").GetString() != "graded")
            {
                Assert.True(DateTime.UtcNow < deadline);
                await Task.Delay(100);
            }

            var history = s.GetProperty("history").EnumerateArray().ToList();
            Assert.False(history[0].GetProperty("current").GetBoolean());
            Assert.Equal(9, history[0].GetProperty("score").GetDouble());
            Assert.True(history[1].GetProperty("current").GetBoolean());
            Assert.True(s.GetProperty("score").GetDouble() < 9, "the seed's gradients are wrong once y changes");
        }

        await using var db = service.Db();
        Assert.Equal(10, await db.Grades.CountAsync());
        Assert.Equal(5, await db.Grades.CountAsync(g => g.IsCurrent));
        Assert.Equal(2, await db.AssignmentVersions.CountAsync(v => v.AssignmentId == "tanh-network"));
    }

    [Fact]
    public async Task A_grading_job_of_the_old_generation_finishing_during_a_regrade_does_not_leave_the_submission_without_a_grade()
    {
        var hook = new LateJobHook();
        await using var service = await TestService.StartAsync(configure: b => b.Services.AddSingleton<IInterceptor>(hook));

        // A submission accepted at generation 0 whose grading job is still running (the hook plays that job).
        var seed = await File.ReadAllBytesAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"));
        var (id, version) = await AddAcceptedAsync(service, seed);
        hook.Arm(async () =>
        {
            await using var db = service.Db();
            await SubmissionRows.StoreAsync(db, [OldGrade(id, version)], [], []);
        });

        using var response = await service.Http.PostAsync("/api/assignments/tanh-network/regrade", null);
        Assert.Equal(202, (int)response.StatusCode);
        await hook.Done.WaitAsync(TimeSpan.FromSeconds(60));

        // The submission ends graded at its current generation, with that generation's grade current:
        // the seed's answers score 9 of 13 against the unchanged assignment (its transposed gradients score 0).
        var graded = await WaitForGradeAtCurrentGenerationAsync(service, id);
        Assert.Equal(1, graded.Generation);
        Assert.Equal(9, graded.Score);
    }

    [Fact]
    public async Task A_submission_marked_graded_at_a_generation_without_a_grade_is_graded_at_the_next_start()
    {
        using var dir = new TempDir();
        long id;
        await using (var first = await TestService.StartAsync(dir))
        {
            // What release 1 left behind after a regrade during a burst: graded at generation 1, only generation 0 graded.
            var seed = await File.ReadAllBytesAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"));
            var (added, version) = await AddAcceptedAsync(first, seed);
            id = added;
            await using var db = first.Db();
            await SubmissionRows.StoreAsync(db, [OldGrade(id, version)], [], []);
            await db.Submissions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Generation, 1));
            Assert.Equal(SubmissionStatus.Graded, (await db.Submissions.SingleAsync(s => s.Id == id)).Status);
        }

        await using var second = await TestService.StartAsync(dir);
        var graded = await WaitForGradeAtCurrentGenerationAsync(second, id);
        Assert.Equal(1, graded.Generation);
        Assert.Equal(9, graded.Score);
    }

    private static async Task<(long Id, long Version)> AddAcceptedAsync(TestService service, byte[] content)
    {
        await using var db = service.Db();
        var version = (await db.AssignmentVersions.SingleAsync(v => v.AssignmentId == "tanh-network" && v.IsCurrent)).Id;
        var submission = new Submission
        {
            ReceivedAt = DateTime.UtcNow, Content = content, ContentHash = "h", Source = "api", AssignmentId = "tanh-network", Student = "seed-004",
            AssignmentVersionId = version, Status = SubmissionStatus.Accepted, ReceiptToken = Guid.NewGuid().ToString("N"),
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        return (submission.Id, version);
    }

    private static Grade OldGrade(long id, long version) => new()
    {
        SubmissionId = id, Generation = 0, AssignmentVersionId = version, Score = 10, MaxScore = 13, ReportJson = "{}", GradedAt = DateTime.UtcNow, IsCurrent = true,
    };

    private static async Task<Grade> WaitForGradeAtCurrentGenerationAsync(TestService service, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = service.Db();
            var s = await db.Submissions.AsNoTracking().SingleAsync(x => x.Id == id);
            var current = await db.Grades.AsNoTracking().Where(g => g.SubmissionId == id && g.IsCurrent).ToListAsync();
            if (s.Status == SubmissionStatus.Graded && current.Count == 1 && current[0].Generation == s.Generation)
            {
                return current[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"submission {id} is {s.Status} at generation {s.Generation}; current grades at generations [{string.Join(", ", current.Select(g => g.Generation))}]");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Regrading_an_unknown_assignment_is_404()
    {
        await using var service = await TestService.StartAsync();
        using var response = await service.Http.PostAsync("/api/assignments/nope/regrade", null);
        Assert.Equal(404, (int)response.StatusCode);
    }
}
