using System.Net.Http.Json;
using System.Text.Json;
using Grader.Data.Entities;
using Grader.Worker.Tests.Cli;

namespace Grader.Worker.Tests.Service;

/// <summary>
/// A TA's override of a question's score: kept with who and when, shown to the student, and
/// surviving a regrade; refused with the reason for a bad score, an unknown submission (404) and
/// one without a grade (409: rejected, failed, not graded yet).
/// </summary>
[Collection("service")]
public class ManualGradingTests
{
    [Fact]
    public async Task An_override_is_shown_to_the_student_audited_and_survives_a_regrade()
    {
        await using var service = await TestService.StartAsync();
        var seed = (await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"))).Replace("student: seed-004", "student: s1");
        var (_, body) = await service.PostAsync(seed);
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);

        // Seed 004's grad-W1 scores 0 of 1 (a transpose); the TA gives it full credit.
        var (exit, output, error) = await Task.Run(() => Cli.Cli.Run("override", id.ToString(), "grad-W1", "--score", "1", "--comment", "transposed, but the numbers are right",
            "--by", "ta-jo", "--server", service.Http.BaseAddress!.ToString(), "--token", TestService.TaToken));
        Assert.True(exit == 0, output + error);
        Assert.Equal(10, (await service.GetAsync(id)).GetProperty("score").GetDouble());

        using var student = new HttpClient { BaseAddress = service.Http.BaseAddress };
        var page = System.Net.WebUtility.HtmlDecode(await student.GetStringAsync(body.GetProperty("reportUrl").GetString()));
        Assert.Contains("Score set by ta-jo on", page);
        Assert.Contains("(automatic: 0): transposed, but the numbers are right", page);
        var ta = await service.Http.GetStringAsync($"/submissions/{id}");
        Assert.Contains("<h2>Manual grading</h2>", ta);

        // A regrade grades again from scratch and applies the override to the new grade.
        using var regrade = await service.Http.PostAsync("/api/assignments/tanh-network/regrade", null);
        Assert.Equal(202, (int)regrade.StatusCode);
        JsonElement s;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((s = await service.GetAsync(id)).GetProperty("history").GetArrayLength() < 2 || s.GetProperty("status").GetString() != "graded")
        {
            Assert.True(DateTime.UtcNow < deadline);
            await Task.Delay(100);
        }

        Assert.Equal(10, s.GetProperty("score").GetDouble());
        var q = s.GetProperty("report").GetProperty("questions").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "grad-W1");
        Assert.Equal(1, q.GetProperty("score").GetDouble());
        Assert.Equal("ta-jo", q.GetProperty("override").GetProperty("by").GetString());
        Assert.Equal(0, q.GetProperty("override").GetProperty("autoScore").GetDouble());
        var csv = await service.Http.GetStringAsync("/assignments/tanh-network/gradebook.csv");
        Assert.Contains(",10,0,10,13,", csv);   // raw, penalty, total, max_score
    }

    /// <summary>An attacker's try: a score of −0 was accepted and kept as −0.</summary>
    [Fact]
    public async Task A_score_of_minus_zero_is_kept_as_zero()
    {
        await using var service = await TestService.StartAsync();
        var (_, body) = await service.PostAsync("assignment: tanh-network\nstudent: s\nanswers: {forward: 0.313}\n");
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);
        using var response = await service.Http.PostAsync($"/api/submissions/{id}/overrides",
            new StringContent("{\"question\": \"forward\", \"score\": -0, \"comment\": \"x\"}", System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        Assert.DoesNotContain("-0", text);
        await using var db = service.Db();
        Assert.False(double.IsNegative(Assert.Single(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.ScoreOverrides.Where(o => o.SubmissionId == id))).Score));
    }

    [Theory]
    [InlineData("nope", 1, "no question 'nope'")]
    [InlineData("grad-W1", 2, "the score must be from 0 to 1")]
    [InlineData("grad-W1", -1, "the score must be from 0 to 1")]
    public async Task A_bad_override_is_refused_with_the_reason(string question, double score, string error)
    {
        await using var service = await TestService.StartAsync();
        var (_, body) = await service.PostAsync("assignment: tanh-network\nstudent: s\nanswers: {forward: 0.313}\n");
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);
        using var response = await service.Http.PostAsJsonAsync($"/api/submissions/{id}/overrides", new { question, score, comment = "x" });
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(error, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        using var anonymous = new HttpClient { BaseAddress = service.Http.BaseAddress };
        using var refused = await anonymous.PostAsJsonAsync($"/api/submissions/{id}/overrides", new { question = "forward", score = 1, comment = "x" });
        Assert.Equal(401, (int)refused.StatusCode);
    }

    [Theory]
    [InlineData("unknown", 404, "no submission 999")]
    [InlineData("rejected", 409, "submission {0} was rejected ({1}) and cannot be graded")]
    [InlineData("failed", 409, "submission {0} has no grade: grading it failed ({1})")]
    [InlineData("waiting", 409, "submission {0} has no grade yet")]
    public async Task An_override_of_a_submission_without_a_grade_says_why(string kind, int status, string error)
    {
        await using var service = await TestService.StartAsync();
        long id = 999;
        if (kind == "rejected")
        {
            // Refused at intake and kept as rejected with its reason.
            var (refused, body) = await service.PostAsync("assignment: tanh-network\nstudent: s\nanswers: {nope: 1}\n");
            Assert.Equal(400, refused);
            id = body.GetProperty("id").GetInt64();
        }
        else if (kind is "failed" or "waiting")
        {
            await using var db = service.Db();
            db.Submissions.Add(new Submission
            {
                Id = 500, ReceivedAt = DateTime.UtcNow, Content = [1], ContentHash = "h", Source = "api", AssignmentId = "tanh-network", Student = "s",
                Status = kind == "failed" ? SubmissionStatus.Failed : SubmissionStatus.Accepted, Reason = kind == "failed" ? "the grader stopped" : null, ReceiptToken = "r-500",
            });
            await db.SaveChangesAsync();
            id = 500;
        }

        string? reason;
        await using (var db = service.Db())
        {
            reason = db.Submissions.Where(s => s.Id == id).Select(s => s.Reason).SingleOrDefault();
        }

        using var response = await service.Http.PostAsJsonAsync($"/api/submissions/{id}/overrides", new { question = "forward", score = 1, comment = "x" });
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, error, id, reason), (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        if (kind == "rejected")
        {
            Assert.StartsWith("none of the answers matches a question of tanh-network", reason);
        }

        await using (var db = service.Db())
        {
            Assert.Empty(db.ScoreOverrides);
        }
    }
}
