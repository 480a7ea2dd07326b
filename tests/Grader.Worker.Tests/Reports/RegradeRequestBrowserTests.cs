using System.Net.Http.Json;
using System.Text.Json;
using Grader.Worker.Tests.Service;
using Grader.Worker.Tests.Students;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Grader.Worker.Tests.Reports;

/// <summary>A regrade request walked in chromium: the student asks on the report page, a TA answers on the requests page, the student reads the reply.</summary>
[Collection("service")]
public class RegradeRequestBrowserTests
{
    [Fact]
    public async Task A_student_asks_on_the_report_a_TA_answers_and_the_student_sees_the_reply()
    {
        await using var service = await RegradeRequestApiTests.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        var seed = (await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"))).Replace("student: seed-004", "student: ada");
        using var api = ClassList.Client(service, tokens["ada"]);
        var (_, body) = await ClassList.PostAsync(api, seed);
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);
        var site = service.Http.BaseAddress!.ToString().TrimEnd('/');

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);

        // Ada signs in, opens her report and asks about grad-W1.
        await using var adaContext = await browser.NewContextAsync();
        var ada = await adaContext.NewPageAsync();
        await ada.GotoAsync($"{site}/s/{tokens["ada"]}");
        await ada.GotoAsync(site + body.GetProperty("reportUrl").GetString());
        Assert.Contains("9 / 13", await ada.Locator("#score").InnerTextAsync());
        await ada.Locator("#regrade-question").SelectOptionAsync("grad-W1");
        await ada.Locator("#regrade-comment").FillAsync("My W1 gradient is the transpose: the numbers are right.");
        await ada.Locator("#ask-regrade").ClickAsync();
        var row = ada.Locator("#regrade-requests tr[data-status='open']");
        Assert.Contains("the numbers are right", await row.InnerTextAsync());

        // The TA opens the requests page (the token once, then the cookie) and answers with full credit.
        await using var taContext = await browser.NewContextAsync();
        var ta = await taContext.NewPageAsync();
        await ta.GotoAsync($"{site}/assignments/tanh-network/regrade-requests?token={TestService.TaToken}");
        Assert.EndsWith("/assignments/tanh-network/regrade-requests", ta.Url);
        var open = ta.Locator("#open tr[data-request]");
        Assert.Equal(1, await open.CountAsync());
        Assert.Contains("ada", await open.InnerTextAsync());
        await open.Locator("textarea[name='reply']").FillAsync("Agreed: full credit.");
        await open.Locator("input[name='score']").FillAsync("1");
        await open.Locator("input[name='by']").FillAsync("jo");
        await open.Locator("button").ClickAsync();
        Assert.Contains("No open requests", await ta.Locator("#none-open").InnerTextAsync());
        Assert.Contains("Agreed: full credit.", await ta.Locator("#answered").InnerTextAsync());

        // Ada reloads her report: the reply, who answered, and the new score.
        await ada.ReloadAsync();
        var answered = ada.Locator("#regrade-requests tr[data-status='answered']");
        Assert.Contains("Agreed: full credit.", await answered.InnerTextAsync());
        Assert.Contains("jo", await answered.InnerTextAsync());
        Assert.Contains("10 / 13", await ada.Locator("#score").InnerTextAsync());
        await ada.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DebianChromium.Screenshots(), "regrade-request.png"), FullPage = true });

        // Both steps are on record: the request with its answer, and the override in the audit trail.
        await using var db = service.Db();
        Assert.Equal("jo", (await db.RegradeRequests.SingleAsync()).AnsweredBy);
        Assert.Equal("Agreed: full credit.", (await db.ScoreOverrides.SingleAsync()).Comment);
        Assert.Equal(JsonValueKind.Array, (await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/tanh-network/regrade-requests")).ValueKind);
    }
}
