using System.Net;
using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Reports;

/// <summary>
/// The TA submission page's manual-grading form: one per question with the framework's antiforgery
/// token, posting without JavaScript, back to the page with the override and the audit trail; a
/// post without the token or without the TA's credential is refused.
/// </summary>
[Collection("service")]
public class ManualOverrideFormTests
{
    [Fact]
    public async Task The_submission_page_sets_a_score_through_a_form_with_antiforgery_and_shows_the_audit_trail()
    {
        await using var service = await TestService.StartAsync();
        var seed = (await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"))).Replace("student: seed-004", "student: s1");
        var (_, body) = await service.PostAsync(seed);
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);
        Assert.Equal(9, (await service.GetAsync(id)).GetProperty("score").GetDouble()); // seed 004: grad-W1 transposed scores 0 of 1

        // A browser-like TA: opens the page once with ?token=, then signed in by the cookie.
        var cookies = new CookieContainer();
        using var ta = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = service.Http.BaseAddress };
        var parser = new HtmlParser();
        var page = parser.ParseDocument(await ta.GetStringAsync($"/submissions/{id}?token={TestService.TaToken}"));
        var questions = (await service.GetAsync(id)).GetProperty("report").GetProperty("questions").GetArrayLength();
        Assert.Equal(questions, page.QuerySelectorAll("#overrides form.override").Length); // one form per question
        var form = page.QuerySelector("#overrides tr[data-question='grad-W1'] form")!;
        Assert.Equal($"/submissions/{id}/overrides", form.GetAttribute("action"));
        Assert.Equal("post", form.GetAttribute("method"));
        var antiforgery = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        Dictionary<string, string> Fields(string? token, string score) => new()
        {
            ["question"] = "grad-W1", ["score"] = score, ["comment"] = "transposed, but the numbers are right", ["by"] = "ta-jo",
            ["__RequestVerificationToken"] = token ?? "",
        };

        // Without the antiforgery token: refused, nothing set.
        using (var refused = await ta.PostAsync($"/submissions/{id}/overrides", new FormUrlEncodedContent(Fields(null, "1"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        // With the TA's antiforgery pair but without the TA's credential: refused, as the token is bound to the TA's sign-in;
        // with an anonymous page's own valid pair: refused by the access rule.
        var others = new CookieContainer();
        foreach (Cookie c in cookies.GetCookies(service.Http.BaseAddress!))
        {
            if (c.Name != "grader_ta")
            {
                others.Add(service.Http.BaseAddress!, new Cookie(c.Name, c.Value, "/"));
            }
        }

        using (var anonymous = new HttpClient(new HttpClientHandler { CookieContainer = others }) { BaseAddress = service.Http.BaseAddress })
        {
            using (var refused = await anonymous.PostAsync($"/submissions/{id}/overrides", new FormUrlEncodedContent(Fields(antiforgery, "1"))))
            {
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            }

            var own = parser.ParseDocument(await anonymous.GetStringAsync("/me/sign-out")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            using (var refused = await anonymous.PostAsync($"/submissions/{id}/overrides", new FormUrlEncodedContent(Fields(own, "1"))))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }
        }

        Assert.Equal(9, (await service.GetAsync(id)).GetProperty("score").GetDouble());

        // A score out of range comes back with the reason.
        var bad = await ta.PostAsync($"/submissions/{id}/overrides", new FormUrlEncodedContent(Fields(antiforgery, "2")));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode); // followed the redirect back to the page
        Assert.Contains("the score must be from 0 to 1", parser.ParseDocument(await bad.Content.ReadAsStringAsync()).QuerySelector("#message")!.TextContent);

        var done = await ta.PostAsync($"/submissions/{id}/overrides", new FormUrlEncodedContent(Fields(antiforgery, "1")));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal($"/submissions/{id}", done.RequestMessage!.RequestUri!.AbsolutePath);
        page = parser.ParseDocument(await done.Content.ReadAsStringAsync());
        Assert.Equal("grad-W1 set to 1 by ta-jo; the total is now 10.", page.QuerySelector("#message")!.TextContent);
        Assert.Equal("10 / 13", page.QuerySelector("#score")!.TextContent);
        var audit = page.QuerySelectorAll("#audit tbody tr").Single().Children.Select(c => c.TextContent).ToArray();
        Assert.Equal(["ta-jo", "grad-W1", "0", "1", "transposed, but the numbers are right"], audit[1..]);
        Assert.Contains("Score set by ta-jo on", page.QuerySelector("#report tr[data-question='grad-W1'] .override")!.TextContent);
        Assert.Equal(10, (await service.GetAsync(id)).GetProperty("score").GetDouble());

        // The student sees the override and no form.
        using var student = new HttpClient { BaseAddress = service.Http.BaseAddress };
        var mine = parser.ParseDocument(await student.GetStringAsync(body.GetProperty("reportUrl").GetString()));
        Assert.Contains("(automatic: 0): transposed, but the numbers are right", mine.QuerySelector("#report tr[data-question='grad-W1'] .override")!.TextContent);
        Assert.Empty(mine.QuerySelectorAll("form.override"));
        Assert.Null(mine.QuerySelector("#audit"));
    }
}
