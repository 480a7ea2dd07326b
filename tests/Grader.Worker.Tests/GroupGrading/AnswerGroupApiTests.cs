using System.Net.Http.Json;
using System.Text.Json;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.GroupGrading;

/// <summary>
/// Grading by answer group through the API: the groups of a question by parsed value, one score for
/// a group as an override of each submission (and of later ones that join it), undone in one step,
/// a TA's own later score winning, and after a regrade only while the answer is still wrong.
/// </summary>
[Collection("service")]
public class AnswerGroupApiTests
{
    /// <summary>One question worth 2 points whose key is 0.25 (or, after the change, 0.5).</summary>
    public static string Assignment(string key) => $"""
        id: groups-demo
        title: Answer groups
        questions:
          - id: q
            text: A quarter
            answer: "{key}"
            points: 2
          - id: r
            answer: "3"
        """;

    [Fact]
    public async Task A_group_is_scored_joined_undone_overridden_and_regraded()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "assignments"));
        File.WriteAllText(Path.Combine(dir.Path, "assignments", "groups-demo.yaml"), Assignment("0.25"));
        await using var service = await TestService.StartAsync(reuse: dir);

        // Two students write one half two ways, one writes three quarters, one is right.
        var s1 = await SubmitAsync(service, "ada", "1/2");
        var s2 = await SubmitAsync(service, "bob", "0.5");
        var s3 = await SubmitAsync(service, "cy", "3/4");
        var s4 = await SubmitAsync(service, "dee", "0.25");
        await service.WaitForAsync([s1, s2, s3, s4]);

        var groups = await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/groups-demo/answer-groups?question=q");
        Assert.True(groups.GetArrayLength() == 2, groups.ToString());
        var half = groups[0];
        Assert.Equal(("q", "0.5", 2), (half.GetProperty("question").GetString(), half.GetProperty("answer").GetString(), half.GetProperty("students").GetInt32()));
        Assert.Equal([s1, s2], half.GetProperty("submissions").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(JsonValueKind.Null, half.GetProperty("rule").ValueKind);
        Assert.Equal("0.75", groups[1].GetProperty("answer").GetString());
        var key = half.GetProperty("key").GetString();

        // One score for the group: an override of each of its submissions, not of the others.
        using (var set = await service.Http.PostAsJsonAsync("/api/assignments/groups-demo/answer-groups", new { question = "q", key, score = 1, comment = "right method, the square was dropped", by = "jo" }))
        {
            Assert.Equal(201, (int)set.StatusCode);
            var body = await set.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal([s1, s2], body.GetProperty("submissions").EnumerateArray().Select(e => e.GetInt64()));
            Assert.Equal("jo", body.GetProperty("rule").GetProperty("by").GetString());
        }

        Assert.Equal((1, "right method, the square was dropped", 0), await QuestionAsync(service, s1));
        Assert.Equal((1, "right method, the square was dropped", 0), await QuestionAsync(service, s2));
        Assert.Equal(0, (await QuestionAsync(service, s3)).Score);
        Assert.Equal(2, (await QuestionAsync(service, s4)).Score);
        var rule = (await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/groups-demo/answer-groups?question=q"))[0].GetProperty("rule");
        Assert.Equal(1, rule.GetProperty("score").GetDouble());

        // A later submission with the same value joins the group when graded.
        var s5 = await SubmitAsync(service, "eve", "2/4");
        await service.WaitForAsync([s5]);
        Assert.Equal((1, "right method, the square was dropped", 0), await QuestionAsync(service, s5));

        // A TA's own score of one submission, made later, wins.
        using (var own = await service.Http.PostAsJsonAsync($"/api/submissions/{s2}/overrides", new { question = "q", score = 2, comment = "bob showed the square", by = "ann" }))
        {
            Assert.Equal(200, (int)own.StatusCode);
        }

        Assert.Equal(2, (await QuestionAsync(service, s2)).Score);

        // Undo takes back every override of the group in one step; the TA's own stays.
        var ruleId = rule.GetProperty("id").GetInt64();
        using (var undo = await service.Http.DeleteAsync($"/api/assignments/groups-demo/answer-groups/{ruleId}?by=jo"))
        {
            Assert.Equal(200, (int)undo.StatusCode);
            var body = await undo.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal([s1, s2, s5], body.GetProperty("submissions").EnumerateArray().Select(e => e.GetInt64()));
            Assert.Equal("jo", body.GetProperty("rule").GetProperty("undoneBy").GetString());
        }

        Assert.Equal(0, (await QuestionAsync(service, s1)).Score);
        Assert.Null((await QuestionAsync(service, s1)).Comment);
        Assert.Equal(0, (await QuestionAsync(service, s5)).Score);
        Assert.Equal((2, "bob showed the square", 0), await QuestionAsync(service, s2));
        Assert.Equal(JsonValueKind.Null, (await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/groups-demo/answer-groups?question=q"))[0].GetProperty("rule").ValueKind);
        using (var again = await service.Http.DeleteAsync($"/api/assignments/groups-demo/answer-groups/{ruleId}?by=jo"))
        {
            Assert.Equal(409, (int)again.StatusCode);
        }

        // The audit trail of each submission keeps the group's override, marked undone.
        var trail = System.Net.WebUtility.HtmlDecode(await service.Http.GetStringAsync($"/submissions/{s1}"));
        Assert.Contains($"jo (answer group #{ruleId}, undone)", trail);

        // A new score for the group; after a regrade it still applies while the answer is wrong.
        using (var set = await service.Http.PostAsJsonAsync("/api/assignments/groups-demo/answer-groups", new { question = "q", key, score = 0.5, comment = "half", by = "jo" }))
        {
            Assert.Equal(201, (int)set.StatusCode);
        }

        await RegradeAsync(service, [s1, s2, s3, s4, s5], 2);
        Assert.Equal((0.5, "half", 0), await QuestionAsync(service, s1));
        Assert.Equal((0.5, "half", 0), await QuestionAsync(service, s5));

        // The key becomes 0.5: the group's answers are right now, and its score no longer applies.
        File.WriteAllText(Path.Combine(service.AssignmentsPath, "groups-demo.yaml"), Assignment("0.5"));
        await RegradeAsync(service, [s1, s2, s3, s4, s5], 3);
        Assert.Equal((2, null, null), await QuestionAsync(service, s1));
        Assert.Equal((2, null, null), await QuestionAsync(service, s5));
        Assert.Equal(0, (await QuestionAsync(service, s4)).Score);
        Assert.Equal(0, (await QuestionAsync(service, s3)).Score);
    }

    [Theory]
    [InlineData("Q", "k", 1, 400, "no question 'Q' in groups-demo (did you mean 'q'?)")]
    [InlineData("q", "k", 3, 400, "the score must be from 0 to 2, got 3")]
    [InlineData("q", "nope", 1, 400, "no current wrong answer to q is in the group 'nope'")]
    public async Task A_bad_group_score_is_refused_with_the_reason(string question, string key, double score, int status, string error)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "assignments"));
        File.WriteAllText(Path.Combine(dir.Path, "assignments", "groups-demo.yaml"), Assignment("0.25"));
        await using var service = await TestService.StartAsync(reuse: dir);
        await service.WaitForAsync([await SubmitAsync(service, "ada", "0.5")]);

        using var response = await service.Http.PostAsJsonAsync("/api/assignments/groups-demo/answer-groups", new { question, key, score, comment = "x", by = "jo" });
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(error, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        using var anonymous = new HttpClient { BaseAddress = service.Http.BaseAddress };
        Assert.Equal(401, (int)(await anonymous.GetAsync("/api/assignments/groups-demo/answer-groups")).StatusCode);
        Assert.Equal(404, (int)(await service.Http.GetAsync("/api/assignments/nope/answer-groups")).StatusCode);
        Assert.Equal(404, (int)(await service.Http.DeleteAsync("/api/assignments/groups-demo/answer-groups/999")).StatusCode);

        // The page's form without the antiforgery token is refused, and nothing is set.
        var groups = await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/groups-demo/answer-groups?question=q");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["question"] = "q", ["key"] = groups[0].GetProperty("key").GetString()!, ["score"] = "1", ["comment"] = "x", ["by"] = "jo",
        });
        Assert.Equal(400, (int)(await service.Http.PostAsync("/assignments/groups-demo/answer-groups", form)).StatusCode);
        await using var db = service.Db();
        Assert.Empty(db.AnswerGroupRules);
    }

    public static async Task<long> SubmitAsync(TestService service, string student, string answer)
    {
        var (status, body) = await service.PostAsync($"assignment: groups-demo\nstudent: {student}\nanswers:\n  q: {answer}\n  r: 3\n");
        Assert.Equal(202, status);
        return body.GetProperty("id").GetInt64();
    }

    /// <summary>Question q of the submission's current report: its score, and the override's comment and automatic score (null without one).</summary>
    private static async Task<(double Score, string? Comment, double? AutoScore)> QuestionAsync(TestService service, long id)
    {
        var q = (await service.GetAsync(id)).GetProperty("report").GetProperty("questions").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "q");
        return q.TryGetProperty("override", out var o) && o.ValueKind == JsonValueKind.Object
            ? (q.GetProperty("score").GetDouble(), o.GetProperty("comment").GetString(), o.GetProperty("autoScore").GetDouble())
            : (q.GetProperty("score").GetDouble(), null, null);
    }

    private static async Task RegradeAsync(TestService service, long[] ids, int grades)
    {
        using var regrade = await service.Http.PostAsync("/api/assignments/groups-demo/regrade", null);
        Assert.Equal(202, (int)regrade.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var id in ids)
        {
            JsonElement s;
            while ((s = await service.GetAsync(id)).GetProperty("history").GetArrayLength() < grades || s.GetProperty("status").GetString() != "graded")
            {
                Assert.True(DateTime.UtcNow < deadline, $"submission {id} not regraded");
                await Task.Delay(100);
            }
        }
    }
}
