using System.Net.Http.Json;
using System.Text.Json;
using Grader.Data.Entities;
using Grader.Worker.Tests.Students;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Tests.Service;

/// <summary>Regrade requests over the API: the student asks (201, or 400, 403, 409), TAs list and answer, a score is an audited override.</summary>
[Collection("service")]
public class RegradeRequestApiTests
{
    /// <summary>A service whose tanh-network takes regrade requests at any time; every other assignment keeps the default, never.</summary>
    public static async Task<TestService> StartAsync(string rule = "always")
    {
        var dir = new TempDir();
        var assignments = Path.Combine(dir.Path, "assignments");
        Directory.CreateDirectory(assignments);
        foreach (var f in Directory.EnumerateFiles(Repo.Assignments, "*.yaml"))
        {
            File.Copy(f, Path.Combine(assignments, Path.GetFileName(f)));
        }

        var tanh = Path.Combine(assignments, "tanh-network.yaml");
        await File.WriteAllTextAsync(tanh, (await File.ReadAllTextAsync(tanh)).Replace("id: tanh-network\n", $"id: tanh-network\nregrade_requests: {rule}\n", StringComparison.Ordinal));
        return await TestService.StartAsync(dir, adopt: true);
    }

    [Fact]
    public async Task A_student_asks_a_TA_lists_and_answers_with_a_score_that_is_an_audited_override()
    {
        await using var service = await StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\nbob\n");
        var seed = (await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"))).Replace("student: seed-004", "student: ada");
        using var ada = ClassList.Client(service, tokens["ada"]);
        var (_, body) = await ClassList.PostAsync(ada, seed);
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);

        // Bob may not ask about ada's submission, nor may the TA token alone, nor anyone without a credential.
        using var bob = ClassList.Client(service, tokens["bob"]);
        await AssertRefusedAsync(bob, $"/api/submissions/{id}/regrade-requests", new { question = "grad-W1", comment = "x" }, 403, "not your submission");
        await AssertRefusedAsync(service.Http, $"/api/submissions/{id}/regrade-requests", new { question = "grad-W1", comment = "x" }, 403, "the submission's student");
        await AssertRefusedAsync(ClassList.Client(service), $"/api/submissions/{id}/regrade-requests", new { question = "grad-W1", comment = "x" }, 401, "sign in");

        // Unknown question, over-long comment: 400.
        await AssertRefusedAsync(ada, $"/api/submissions/{id}/regrade-requests", new { question = "nope", comment = "x" }, 400, "no question 'nope'");
        await AssertRefusedAsync(ada, $"/api/submissions/{id}/regrade-requests", new { question = "grad-W1", comment = new string('x', 2001) }, 400, "the limit is 2000");

        // Ada asks (201); asking again while it is open is 409.
        using var asked = await ada.PostAsJsonAsync($"/api/submissions/{id}/regrade-requests", new { question = "grad-W1", comment = "I wrote the transpose on purpose" });
        Assert.Equal(201, (int)asked.StatusCode);
        var request = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("ada", request.GetProperty("student").GetString());
        var rid = request.GetProperty("id").GetInt64();
        await AssertRefusedAsync(ada, $"/api/submissions/{id}/regrade-requests", new { question = "grad-W1", comment = "again" }, 409, "already asked");

        // The TA's list, by status.
        Assert.Single((await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/tanh-network/regrade-requests?status=open")).EnumerateArray());
        Assert.Empty((await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/tanh-network/regrade-requests?status=answered")).EnumerateArray());
        using (var badStatus = await service.Http.GetAsync("/api/assignments/tanh-network/regrade-requests?status=closed"))
        {
            Assert.Equal(400, (int)badStatus.StatusCode);
        }

        using (var studentList = await ada.GetAsync("/api/assignments/tanh-network/regrade-requests"))
        {
            Assert.Equal(403, (int)studentList.StatusCode);
        }

        // A score outside 0..points is refused and nothing is answered; then the TA answers with full credit.
        await AssertRefusedAsync(service.Http, $"/api/regrade-requests/{rid}/answer", new { reply = "ok", score = 5, by = "jo" }, 400, "the score must be from 0 to 1");
        using var answered = await service.Http.PostAsJsonAsync($"/api/regrade-requests/{rid}/answer", new { reply = "Fair: full credit.", score = 1, by = "jo" });
        Assert.Equal(200, (int)answered.StatusCode);
        var answer = await answered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("answered", answer.GetProperty("status").GetString());
        Assert.Equal("jo", answer.GetProperty("answeredBy").GetString());
        await AssertRefusedAsync(service.Http, $"/api/regrade-requests/{rid}/answer", new { reply = "again" }, 409, "answered by jo already");
        await AssertRefusedAsync(service.Http, "/api/regrade-requests/999/answer", new { reply = "x" }, 404, "no regrade request 999");

        // The score is an override: the grade is 10, the audit trail names jo with the reply, and the student's report shows it.
        var s = await service.GetAsync(id);
        Assert.Equal(10, s.GetProperty("score").GetDouble());
        var q = s.GetProperty("report").GetProperty("questions").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "grad-W1");
        Assert.Equal("jo", q.GetProperty("override").GetProperty("by").GetString());
        Assert.Equal("Fair: full credit.", q.GetProperty("override").GetProperty("comment").GetString());
        await using (var db = service.Db())
        {
            var audit = await db.ScoreOverrides.SingleAsync();
            Assert.Equal(("grad-W1", 1.0, "jo"), (audit.QuestionId, audit.Score, audit.By));
            var row = await db.RegradeRequests.SingleAsync();
            Assert.Equal(("I wrote the transpose on purpose", "Fair: full credit.", 1.0), (row.Comment, row.Reply!, row.Score!.Value));
        }

        Assert.Single((await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/tanh-network/regrade-requests?status=answered")).EnumerateArray());

        // The assignment page states the rule and links the requests page.
        var page = await service.Http.GetStringAsync("/assignments/tanh-network");
        Assert.Contains("<td id=\"regrade-rule\">always (<a href=\"/assignments/tanh-network/regrade-requests\">", page);
    }

    [Fact]
    public async Task A_request_is_refused_before_grading_and_outside_the_window()
    {
        await using var service = await StartAsync();

        // Not graded yet: 409 (a submission stored and not graded, its receipt as the credential).
        await using (var db = service.Db())
        {
            db.Submissions.Add(new Submission
            {
                Id = 500, ReceivedAt = DateTime.UtcNow, Content = [1], ContentHash = "h", Source = "api", AssignmentId = "tanh-network", Student = "ada",
                Status = SubmissionStatus.Accepted, ReceiptToken = "receipt-500",
            });
            db.Submissions.Add(new Submission
            {
                Id = 501, ReceivedAt = DateTime.UtcNow, Content = [1], ContentHash = "h", Source = "api", AssignmentId = "tanh-network", Student = "ada",
                Status = SubmissionStatus.Rejected, Reason = "no attempts left: this would be attempt 4, and 3 are allowed (3 used)", ReceiptToken = "receipt-501",
            });
            await db.SaveChangesAsync();
        }

        using var anonymous = ClassList.Client(service);
        await AssertRefusedAsync(anonymous, "/api/submissions/500/regrade-requests?receipt=receipt-500", new { question = "x1", comment = "" }, 409, "not graded yet");

        // Rejected: it will never be graded, so the message says so rather than "once it is".
        await AssertRefusedAsync(anonymous, "/api/submissions/501/regrade-requests?receipt=receipt-501", new { question = "x1", comment = "" }, 409,
            "submission 501 was rejected (no attempts left: this would be attempt 4, and 3 are allowed (3 used)): it has no grade, and never will, so there is nothing to regrade");
        await AssertRefusedAsync(anonymous, "/api/submissions/500/regrade-requests?receipt=wrong", new { question = "x1", comment = "" }, 403, "not your submission");

        // svm-random keeps the default (never): 403, with its receipt.
        var (_, body) = await service.PostAsync(ClassList.Exact("svm-random", "ada", "ada"));
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);
        var receipt = body.GetProperty("receipt").GetString();
        await AssertRefusedAsync(anonymous, $"/api/submissions/{id}/regrade-requests?receipt={receipt}", new { question = "scores", comment = "" }, 403, "takes no regrade requests");
    }

    [Fact]
    public async Task A_date_closes_the_window()
    {
        await using var service = await StartAsync("2026-01-01T00:00Z");
        var (_, body) = await service.PostAsync("assignment: tanh-network\nstudent: s\nanswers: {forward: 0.313}\n");
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);
        using var anonymous = ClassList.Client(service);
        await AssertRefusedAsync(anonymous, $"/api/submissions/{id}/regrade-requests?receipt={body.GetProperty("receipt").GetString()}", new { question = "forward", comment = "" },
            403, "regrade requests closed at 2026-01-01 00:00:00 +00:00");
    }

    [Theory]
    [InlineData("https://evil.example", 403)]
    [InlineData("self", 201)]
    public async Task A_request_with_only_the_sign_in_cookie_must_come_from_the_service(string origin, int status)
    {
        await using var service = await StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        using var ada = ClassList.Client(service, tokens["ada"]);
        var (_, body) = await ClassList.PostAsync(ada, "assignment: tanh-network\nstudent: ada\nanswers: {forward: 0.313}\n");
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);

        using var cookie = ClassList.Client(service);
        cookie.DefaultRequestHeaders.Add("Cookie", $"grader_student={tokens["ada"]}");
        cookie.DefaultRequestHeaders.Add("Origin", origin == "self" ? service.Http.BaseAddress!.GetLeftPart(UriPartial.Authority) : origin);
        using var response = await cookie.PostAsJsonAsync($"/api/submissions/{id}/regrade-requests", new { question = "forward", comment = "x" });
        Assert.Equal(status, (int)response.StatusCode);
        if (status == 403)
        {
            Assert.Equal("cross-site request refused", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task The_pages_forms_need_the_antiforgery_token()
    {
        await using var service = await StartAsync();
        var (_, body) = await service.PostAsync("assignment: tanh-network\nstudent: s\nanswers: {forward: 0.313}\n");
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);
        using var anonymous = ClassList.Client(service);
        using var ask = await anonymous.PostAsync($"/submissions/{id}/regrade-requests?receipt={body.GetProperty("receipt").GetString()}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["question"] = "forward", ["comment"] = "x" }));
        Assert.Equal(400, (int)ask.StatusCode);
        using var answer = await service.Http.PostAsync("/regrade-requests/1/answer", new FormUrlEncodedContent(new Dictionary<string, string> { ["reply"] = "x" }));
        Assert.Equal(400, (int)answer.StatusCode);
        await using var db = service.Db();
        Assert.Empty(await db.RegradeRequests.ToListAsync());
    }

    private static async Task AssertRefusedAsync(HttpClient http, string path, object body, int status, string error)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Contains(error, JsonDocument.Parse(text).RootElement.GetProperty("error").GetString());
    }
}
