using Grader.Worker.Tests.Service;
using Microsoft.Playwright;

namespace Grader.Worker.Tests.Reports;

/// <summary>
/// The report page in chromium: table cells to 6 significant figures with the full value in their
/// title, while the JSON keeps every digit; a question's formula stays on one line in a narrow column.
/// </summary>
[Collection("service")]
public class ReportNumbersTests
{
    [Fact]
    public async Task Cells_show_six_significant_figures_and_formulas_do_not_break()
    {
        await using var service = await TestService.StartAsync();
        var (status, body) = await service.PostAsync("assignment: svm-random\nstudent: ada\nanswers: {data-loss: 1.23456789012}\n");
        Assert.Equal(202, status);
        var id = body.GetProperty("id").GetInt64();
        var graded = (await service.WaitForAsync([id]))[id];
        var dataLoss = graded.GetProperty("report").GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "data-loss");
        Assert.Equal(1.23456789012, dataLoss.GetProperty("given").GetDouble());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 600, Height = 900 } });
        await page.GotoAsync($"{service.Http.BaseAddress!.ToString().TrimEnd('/')}/submissions/{id}?token={TestService.TaToken}");

        var given = page.Locator("tr[data-question='data-loss'] td.given td");
        Assert.Equal("1.23457", (await given.InnerTextAsync()).Trim());
        Assert.Equal("1.23456789012", await given.GetAttributeAsync("title"));

        await page.Locator("tr[data-question='data-loss'] .formula .katex").First.WaitForAsync();
        var lines = await page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('#report .formula')].map(f => new Set([...f.getClientRects()].map(r => Math.round(r.top))).size)");
        Assert.NotEmpty(lines);
        Assert.All(lines, n => Assert.Equal(1, n));
    }
}
