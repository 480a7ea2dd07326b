using Grader.Data.Entities;
using Grader.Worker.Tests.Reports;
using Grader.Worker.Tests.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Grader.Worker.Tests.Students;

/// <summary>
/// Graph questions in a real browser (Debian's chromium via Playwright): the student's text area
/// is drawn as they type (debounced) and by Check, errors are named at their line, and the TA's
/// report shows the student's graph beside the key's annotated graph.
/// </summary>
[Collection("service")]
public class GraphBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_graph_is_drawn_as_typed_checked_submitted_and_shown_in_the_report()
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        var site = service.Http.BaseAddress!.ToString().TrimEnd('/');
        var shots = DebianChromium.Screenshots();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{site}/s/{tokens["ada"]}");
        await page.GotoAsync($"{site}/me/assignments/sin-network");

        // Typing draws the graph after a pause, with no Check and nothing stored.
        var question = page.Locator(".question[data-question='draw-forward']");
        await question.Locator("textarea").FillAsync("s = w @ x\nt = sin(s)\ny = t - b");
        await question.Locator(".graph-figure svg text.label", new LocatorLocatorOptions { HasText = "sin(s)" }).WaitForAsync();
        string[] labels = ["w", "x", "b", "w @ x", "sin(s)", "t - b"];
        Assert.Equal(labels.Order(StringComparer.Ordinal), (await question.Locator(".graph-figure svg text.label").AllTextContentsAsync()).Order(StringComparer.Ordinal));
        await Assertions.Expect(question.Locator(".check")).ToContainTextAsync("read 3 nodes: s, t, y; the output is y");

        // An error is named at its line as soon as the typing pauses.
        await question.Locator("textarea").FillAsync("s = w @ x\nt = sin(u)\ny = t - b");
        await Assertions.Expect(question.Locator(".check")).ToContainTextAsync("line 2: 'u' is not defined");
        Assert.Equal("invalid", await question.Locator(".check").GetAttributeAsync("data-status"));

        // Check (the page's form) draws it too, and keeps what was typed.
        await question.Locator("textarea").FillAsync("s = w @ x\nt = sin(s)\ny = t - b");
        await page.Locator("#check").ClickAsync();
        Assert.Equal("ok", await page.Locator(".question[data-question='draw-forward'] .check").GetAttributeAsync("data-status"));
        Assert.Equal(6, await page.Locator(".question[data-question='draw-forward'] .graph-figure svg text.label").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "graph-student.png"), FullPage = true });
        await page.Locator(".question[data-question='draw-forward']").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(shots, "graph-question.png") });
        await using (var db = service.Db())
        {
            Assert.Equal(0, await db.Submissions.CountAsync());
        }

        // Submit a wrong graph (cos for sin): the TA's report draws it with line 2 marked, beside the key's annotated graph.
        await page.Locator(".question[data-question='draw-forward'] textarea").FillAsync("s = w @ x\nt = cos(s)\ny = t - b");
        await page.Locator("#submit").ClickAsync();
        var id = await WaitForGradedAsync(service);
        var ta = await context.NewPageAsync();
        await ta.GotoAsync($"{site}/submissions/{id}?token={TestService.TaToken}");
        var row = ta.Locator("#report tr[data-question='draw-forward']");
        Assert.Contains("the key applies sin here", await row.Locator(".feedback").InnerTextAsync());
        Assert.Equal("cos(s)", await row.Locator(".graph-figure[data-graph='given'] g.wrong text.label").TextContentAsync());
        Assert.Contains("sin(s)", await row.Locator(".graph-figure[data-graph='key'] svg text.label").AllTextContentsAsync());
        Assert.Contains("6.283", await row.Locator(".graph-figure[data-graph='key'] svg text.value").AllTextContentsAsync());
        await ta.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "graph-report.png"), FullPage = true });
        await row.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(shots, "graph-report-row.png") });
        output.WriteLine($"screenshots in {shots}");
    }

    [Fact]
    public async Task Without_javascript_check_draws_the_graph()
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nbob\n");
        var site = service.Http.BaseAddress!.ToString().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{site}/s/{tokens["bob"]}");
        await page.GotoAsync($"{site}/me/assignments/backprop-examples");
        await page.Locator("textarea[name='q.graph-qz']").FillAsync("q = x + y | value 3 | grad -4\nf = q * z | value -12 | grad 1\nx | grad -4");
        await page.Locator("#check").ClickAsync();
        var question = page.Locator(".question[data-question='graph-qz']");
        Assert.Equal("ok", await question.Locator(".check").GetAttributeAsync("data-status"));
        Assert.Contains("-12", await question.Locator(".graph-figure svg text.value").AllTextContentsAsync());
        Assert.Contains("-4", await question.Locator(".graph-figure svg text.grad").AllTextContentsAsync());
    }

    private static async Task<long> WaitForGradedAsync(TestService service)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = service.Db();
            if (await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Status == SubmissionStatus.Graded) is { } s)
            {
                return s.Id;
            }

            Assert.True(DateTime.UtcNow < deadline, "the submission was not graded within a minute");
            await Task.Delay(100);
        }
    }
}
