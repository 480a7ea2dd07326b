using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;
using Grader.Worker.Tests.Students;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Tests.Pages.Ta;

/// <summary>
/// The TA's regrade requests page: the answer form's score is bounded by the question's points
/// (min, max, step as on the override form), and a refused answer comes back to the requests page
/// with the reason and what was typed, not to a separate error page.
/// </summary>
[Collection("service")]
public class RegradeRequestsPageTests
{
    [Fact]
    public async Task A_refused_answer_comes_back_to_the_requests_page_with_the_reason_and_the_typed_reply()
    {
        await using var service = await RegradeRequestApiTests.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        using var ada = ClassList.Client(service, tokens["ada"]);
        var seed = (await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"))).Replace("student: seed-004", "student: ada");
        var (_, body) = await ClassList.PostAsync(ada, seed);
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);

        // Seed 004's grad-W0 (2 points in tanh-network.yaml) is transposed: 0.
        using var asked = await ada.PostAsJsonAsync($"/api/submissions/{id}/regrade-requests", new { question = "grad-W0", comment = "transposed on purpose" });
        Assert.Equal(201, (int)asked.StatusCode);
        var rid = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var cookies = new CookieContainer();
        using var ta = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = service.Http.BaseAddress };
        var parser = new HtmlParser();
        var page = parser.ParseDocument(await ta.GetStringAsync($"/assignments/tanh-network/regrade-requests?token={TestService.TaToken}"));
        var form = page.QuerySelector($"#open tr[data-request='{rid}'] form")!;
        var score = form.QuerySelector("input[name='score']")!;
        Assert.Equal(("0", "2", "any"), (score.GetAttribute("min"), score.GetAttribute("max"), score.GetAttribute("step")));
        var antiforgery = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        FormUrlEncodedContent Fields(string reply, string value) => new(new Dictionary<string, string>
        {
            ["reply"] = reply, ["score"] = value, ["by"] = "jo", ["__RequestVerificationToken"] = antiforgery,
        });

        // 3 of 2: refused, back on the requests page with the reason, the reply, score and name as typed; nothing answered or set.
        using (var refused = await ta.PostAsync($"/regrade-requests/{rid}/answer", Fields("Fair point, see the key.", "3")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            page = parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        }

        Assert.Equal($"The answer to request {rid} was not taken: the score must be from 0 to 2, got 3", page.QuerySelector("#message")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/assignments/tanh-network']"));
        var again = page.QuerySelector($"#open tr[data-request='{rid}'] form")!;
        Assert.Equal("Fair point, see the key.", again.QuerySelector("textarea[name='reply']")!.TextContent);
        Assert.Equal(("3", "jo"), (Value(again, "score"), Value(again, "by")));
        await using (var db = service.Db())
        {
            Assert.Null((await db.RegradeRequests.SingleAsync()).AnsweredAt);
            Assert.Empty(await db.ScoreOverrides.ToListAsync());
        }

        // A score that is not a number is refused the same way.
        using (var refused = await ta.PostAsync($"/regrade-requests/{rid}/answer", Fields("Fair point.", "two")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal($"The answer to request {rid} was not taken: the score must be a number (e.g. 0.5), or empty to keep the score",
                parser.ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector("#message")!.TextContent);
        }

        // 2 of 2 is taken: back to the requests page (the redirect followed), nothing open.
        using (var answered = await ta.PostAsync($"/regrade-requests/{rid}/answer", Fields("Fair point, see the key.", "2")))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.Equal("/assignments/tanh-network/regrade-requests", answered.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.NotNull(parser.ParseDocument(await answered.Content.ReadAsStringAsync()).QuerySelector("#none-open"));
        }

        Assert.Equal(11, (await service.GetAsync(id)).GetProperty("score").GetDouble()); // 9 of 13, grad-W0 from 0 to 2

        // Answering it again: 409 on the requests page, the reply shown since its form is gone; an unknown request is a 404 page.
        using (var twice = await ta.PostAsync($"/regrade-requests/{rid}/answer", Fields("Once more.", "")))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            page = parser.ParseDocument(await twice.Content.ReadAsStringAsync());
            Assert.Equal($"The answer to request {rid} was not taken: regrade request {rid} was answered by jo already", page.QuerySelector("#message")!.TextContent);
            Assert.Equal("Your reply, not sent: Once more.", page.QuerySelector("#draft-reply")!.TextContent);
        }

        using var unknown = await ta.PostAsync("/regrade-requests/999/answer", Fields("x", ""));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no regrade request 999", await unknown.Content.ReadAsStringAsync());
    }

    private static string? Value(IElement form, string name) => form.QuerySelector($"input[name='{name}']")!.GetAttribute("value");
}
