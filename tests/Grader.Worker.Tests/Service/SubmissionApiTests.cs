using System.Net.Http.Headers;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests.Service;

[Collection("service")]
public class SubmissionApiTests
{
    private static readonly string[] Assignments = ["tanh-network", "relu-network", "sin-network", "residual-block", "cnn-layer", "svm-random", "backprop-examples"];

    [Fact]
    public async Task Five_hundred_concurrent_submissions_are_all_graded_as_the_grade_verb_grades_them()
    {
        await using var service = await TestService.StartAsync();
        var files = Enumerable.Range(0, 500)
            .Select(i => AnswerFiles.For(Assignments[i % Assignments.Length], $"student-{i}", i))
            .ToList();
        using var gate = new SemaphoreSlim(64);
        var posts = files.Select(async text =>
        {
            await gate.WaitAsync();
            try
            {
                var (status, body) = await service.PostAsync(text);
                Assert.Equal(202, status);
                return (Id: body.GetProperty("id").GetInt64(), Text: text);
            }
            finally
            {
                gate.Release();
            }
        });
        var accepted = await Task.WhenAll(posts);
        Assert.Equal(500, accepted.Select(a => a.Id).Distinct().Count());

        var graded = await service.WaitForAsync(accepted.Select(a => a.Id));
        foreach (var (id, text) in accepted)
        {
            Assert.Equal(AnswerFiles.ExpectedScore(text), graded[id].GetProperty("score").GetDouble(), 9);
            Assert.Equal(graded[id].GetProperty("score").GetDouble(), graded[id].GetProperty("report").GetProperty("score").GetDouble());
        }

        await using var db = service.Db();
        Assert.Equal(500, await db.Grades.CountAsync());
        Assert.Equal(500, await db.Grades.Select(g => g.SubmissionId).Distinct().CountAsync());
    }

    [Fact]
    public async Task A_submission_is_kept_verbatim_with_its_receipt_time_before_the_202()
    {
        await using var service = await TestService.StartAsync();
        var text = "# my answers\nassignment: tanh-network\nstudent: s1\nanswers:\n  forward:   0.313   # spaced oddly\n";
        var before = DateTime.UtcNow;
        var (status, body) = await service.PostAsync(text);
        Assert.Equal(202, status);
        Assert.StartsWith($"/api/submissions/{body.GetProperty("id").GetInt64()}?receipt=", body.GetProperty("statusUrl").GetString());
        await using var db = service.Db();
        var stored = await db.Submissions.SingleAsync(s => s.Id == body.GetProperty("id").GetInt64());
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(stored.Content));
        Assert.InRange(stored.ReceivedAt, before.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task A_multipart_upload_is_accepted()
    {
        await using var service = await TestService.StartAsync();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(Path.Combine(Repo.Assignments, "answers", "relu-network.seed-001.yaml")));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        form.Add(file, "file", "relu-network.seed-001.yaml");
        using var response = await service.Http.PostAsync("/api/submissions", form);
        Assert.Equal(202, (int)response.StatusCode);
        var id = long.Parse(response.Headers.Location!.ToString().Split('/').Last().Split('?')[0]);
        var graded = await service.WaitForAsync([id]);
        Assert.Equal(16, graded[id].GetProperty("score").GetDouble());
    }

    // Over-size bodies get 413 and are kept without their content: Hardening/HostileRequestTests.
    public static TheoryData<string, string, string> BadSubmissions => new()
    {
        { "unknown assignment", "assignment: no-such-thing\nstudent: s\nanswers:\n  q: 1\n", "unknown assignment 'no-such-thing'" },
        { "not YAML or JSON", "assignment: [unclosed\nstudent: {\n", "not an answer file" },
        { "not an answer file", "- just\n- a list\n", "not an answer file" },
        { "no student id", "assignment: tanh-network\nanswers:\n  forward: 0.3\n", "no student id" },
        { "empty", "", "empty" },
        { "binary", "\u0000\u0001\u0002", "not an answer file" },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task A_bad_submission_gets_400_with_its_reason_and_is_kept_as_rejected(string name, string text, string reason)
    {
        await using var service = await TestService.StartAsync();
        var (status, body) = await service.PostAsync(text);
        Assert.True(status == 400, name);
        Assert.Contains(reason, body.GetProperty("error").GetString());
        var id = body.GetProperty("id").GetInt64();

        await using var db = service.Db();
        var stored = await db.Submissions.SingleAsync();
        Assert.Equal(id, stored.Id);
        Assert.Equal(SubmissionStatus.Rejected, stored.Status);
        Assert.Contains(reason, stored.Reason);
        Assert.Empty(await db.Grades.ToListAsync());

        // It never reached the queue: Hangfire has seen no job at all.
        await Task.Delay(300);
        var statistics = service.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().GetStatistics();
        Assert.Equal(0, statistics.Enqueued + statistics.Processing + statistics.Succeeded + statistics.Failed + statistics.Scheduled);
        Assert.Equal("rejected", (await service.GetAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unknown_submission_is_404()
    {
        await using var service = await TestService.StartAsync();
        using var response = await service.Http.GetAsync("/api/submissions/999");
        Assert.Equal(404, (int)response.StatusCode);
    }
}
