using Grader.Worker.Tests.Service;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Grader.Worker.Tests.Reports;

/// <summary>
/// The TA pages in a real browser: Debian's chromium driven by Playwright, against the real service.
/// Screenshots are saved under the test output folder, <c>screenshots/</c>.
/// </summary>
[Collection("service")]
public class BrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_assignment_page_shows_the_class_and_a_submission_highlights_its_wrong_cells()
    {
        await using var service = await TestService.StartAsync();
        var submitted = await ClassFixture.SubmitAsync(service);
        var site = service.Http.BaseAddress!.ToString().TrimEnd('/');
        var shots = DebianChromium.Screenshots();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        await page.GotoAsync($"{site}/assignments/tanh-network?token={TestService.TaToken}");

        // Histogram: ada and bob score 9/13 (69%, bin 60–70), cy and dee 13/13 (bin 90–100).
        var bars = page.Locator("#histogram rect.bar");
        Assert.Equal(10, await bars.CountAsync());
        Assert.Equal("2", await page.Locator("#histogram rect[data-bin='6']").GetAttributeAsync("data-count"));
        Assert.Equal("2", await page.Locator("#histogram rect[data-bin='9']").GetAttributeAsync("data-count"));
        Assert.Equal("0", await page.Locator("#histogram rect[data-bin='0']").GetAttributeAsync("data-count"));

        // grad-W0: two transposed answers at 0 of 2 points (a transpose scores 0), two exact: mean 1 of 2.
        var gradW0 = page.Locator("#question-stats tr[data-question='grad-W0']");
        Assert.Equal("1 / 2", (await gradW0.Locator("td.mean").InnerTextAsync()).Trim());
        Assert.Equal("50%", (await gradW0.Locator("td.correct").InnerTextAsync()).Trim());
        Assert.Equal("50%", (await gradW0.Locator("td.incorrect").InnerTextAsync()).Trim());
        Assert.Contains("transpose of the key", await gradW0.InnerTextAsync());

        // grad-W1: the seed's column vector twice is the most common wrong answer.
        var gradW1 = page.Locator("#question-stats tr[data-question='grad-W1']");
        Assert.Equal("50%", (await gradW1.Locator("td.incorrect").InnerTextAsync()).Trim());
        Assert.Contains("[[-0.113], [-0.054]] ×2", await gradW1.InnerTextAsync());
        Assert.Equal("50%", (await page.Locator("#question-stats tr[data-question='mlp-params'] td.missing").InnerTextAsync()).Trim());

        // The submissions table sorts by score when its header is clicked.
        await page.Locator("#submissions th", new PageLocatorOptions { HasText = "score" }).ClickAsync();
        var scores = (await page.Locator("#submissions tbody tr td:nth-child(2)").AllInnerTextsAsync())
            .Select(t => double.Parse(t.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(5, scores.Count);
        Assert.Equal(scores.Order(), scores);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "assignment-page.png"), FullPage = true });

        // ada's report: grad-W0 is the transpose, so every cell is highlighted (none is in its place).
        await page.GotoAsync($"{site}/submissions/{submitted["ada"].Id}");
        var wrong = page.Locator("tr[data-question='grad-W0'] td.given td.wrong");
        Assert.Equal(4, await wrong.CountAsync());
        Assert.Equal("0,1", await wrong.Nth(1).GetAttributeAsync("data-index"));
        Assert.Equal("1,0", await wrong.Nth(2).GetAttributeAsync("data-index"));
        Assert.Equal(0, await page.Locator("tr[data-question='forward'] td.wrong").CountAsync());
        Assert.Contains("9 / 13", await page.Locator("#score").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "submission-page.png"), FullPage = true });

        // The student opens the same report with the receipt from their 202, in a browser with no TA cookie.
        var student = await browser.NewPageAsync();
        var response = await student.GotoAsync($"{site}/submissions/{submitted["ada"].Id}?receipt={submitted["ada"].Receipt}");
        Assert.Equal(200, response!.Status);
        Assert.Equal(4, await student.Locator("tr[data-question='grad-W0'] td.wrong").CountAsync());
        response = await student.GotoAsync($"{site}/assignments/tanh-network?receipt={submitted["ada"].Receipt}");
        Assert.Equal(403, response!.Status);
        output.WriteLine($"screenshots in {shots}");
    }
}
