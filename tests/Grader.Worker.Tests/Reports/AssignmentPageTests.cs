using Grader.Worker.Tests.Service;
using Microsoft.Playwright;

namespace Grader.Worker.Tests.Reports;

/// <summary>
/// The TA's assignment page in chromium: histogram bins labelled with their ranges, the header's
/// mean the counted one (penalties taken), and the submission that counts marked "(counts)".
/// </summary>
[Collection("service")]
public class AssignmentPageTests
{
    [Fact]
    public async Task Bins_read_their_ranges_and_the_header_mean_is_the_counted_mean()
    {
        await using var service = await TestService.StartAsync();
        // 10% off each attempt after the first: dee's second (exact, 13) counts 11.7.
        await PolicyIntakeTests.PolicyAsync(service, DateTimeOffset.UtcNow.AddDays(7), "attempts: { max: 3, penalty: 10% }\n");
        var submitted = await ClassFixture.SubmitAsync(service);
        var site = service.Http.BaseAddress!.ToString().TrimEnd('/');

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{site}/assignments/tanh-network?token={TestService.TaToken}");

        Assert.Equal(
            ["0–10", "10–20", "20–30", "30–40", "40–50", "50–60", "60–70", "70–80", "80–90", "90–100"],
            await page.Locator("#histogram text.bin-label").AllTextContentsAsync());

        // Counted: ada 9, bob 9, cy 13, dee 13 − 1.3 = 11.7; mean 10.675 (the raw mean would be 11).
        Assert.Equal("10.675 / 13", (await page.Locator("#mean").InnerTextAsync()).Trim());
        await page.GotoAsync($"{site}/");
        Assert.Equal("10.675 / 13", (await page.Locator("tr[data-assignment='tanh-network'] td.mean").InnerTextAsync()).Trim());

        await page.GotoAsync($"{site}/assignments/tanh-network");
        var dee = page.Locator("#submissions tbody tr", new PageLocatorOptions { Has = page.Locator($"a[href='/submissions/{submitted["dee"].Id}']") });
        Assert.Equal("11.7 (counts)", (await dee.Locator("td").Nth(8).InnerTextAsync()).Trim());
    }
}
