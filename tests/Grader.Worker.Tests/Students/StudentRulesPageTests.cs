using System.Net.Http.Json;
using Grader.Worker.Tests.Reports;
using Grader.Worker.Tests.Service;
using Microsoft.Playwright;

namespace Grader.Worker.Tests.Students;

/// <summary>
/// The student's assignment page in chromium: the course rules as they stand for the student
/// (due date in the browser's time zone, or the course's without JavaScript; the late rule;
/// attempts used and left; the next submission's penalty), each submission's raw score, penalty
/// and counted score, and each question's accepted precision.
/// </summary>
[Collection("service")]
public class StudentRulesPageTests
{
    [Fact]
    public async Task The_assignment_page_shows_the_rules_the_penalties_and_the_precision()
    {
        var clock = new TestClock();
        await using var service = await TestService.StartAsync(clock: clock, settings: new Dictionary<string, string?> { ["Grader:TimeZone"] = "Europe/Berlin" });
        var due = new DateTimeOffset(clock.Now.UtcDateTime.Date.AddDays(2).AddHours(17), TimeSpan.Zero);
        await PolicyIntakeTests.PolicyAsync(service, due, "late: { until: " + PolicyIntakeTests.Iso(due.AddDays(2)) + ", penalty: 10% per day }\nattempts: { max: 3, penalty: 10% }\ngradebook: latest\n");
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        using var ada = ClassList.Client(service, tokens["ada"]);
        clock.Stopped = true;
        var exact = ClassList.Exact("tanh-network", "ada", "ada");
        clock.Now = due.AddSeconds(-1);
        var (_, first) = await ClassList.PostAsync(ada, exact);
        clock.Now = due.AddSeconds(1);
        var (_, second) = await ClassList.PostAsync(ada, exact);
        await service.WaitForAsync([first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64()]);
        clock.Now = due.AddHours(-2); // the page is read two hours before the due date
        var site = service.Http.BaseAddress!.ToString().TrimEnd('/');

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { TimezoneId = "America/New_York", Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{site}/s/{tokens["ada"]}");
        await page.GotoAsync($"{site}/me/assignments/tanh-network");

        var dueTime = page.Locator("#due time");
        Assert.Equal(Berlin(due), await dueTime.GetAttributeAsync("datetime"));
        await page.WaitForFunctionAsync("() => document.querySelector('#due time').dataset.zone");
        var shown = await dueTime.InnerTextAsync();
        Assert.Contains("(America/New_York)", shown);
        Assert.Contains(TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).ToString("h:mm", System.Globalization.CultureInfo.InvariantCulture), shown);
        Assert.Equal("(2 h 0 min left)", (await page.Locator("#time-left").InnerTextAsync()).Trim());
        Assert.Contains("with 10% per day off", await page.Locator("#late").InnerTextAsync());
        Assert.Equal("Attempts: 2 used, 1 left of 3; 10% off for each attempt after the first", (await page.Locator("#attempts").InnerTextAsync()).Trim());
        Assert.Equal("Your next submission: 20% penalty", (await page.Locator("#next").InnerTextAsync()).Trim()); // a third attempt, on time
        var late = page.Locator($"#submissions tr[data-submission='{second.GetProperty("id").GetInt64()}']");
        Assert.Equal("13 / 13", (await late.Locator("td.score").InnerTextAsync()).Trim());
        Assert.Equal("20% (−2.6)", (await late.Locator("td.penalty").InnerTextAsync()).Trim());
        Assert.Equal("10.4", (await late.Locator("td.counted").InnerTextAsync()).Trim());
        Assert.Contains("within 1% or 0.001", await page.Locator("label[for='f-forward']").InnerTextAsync());

        // The printable handout: the same rules, and the precision beside each question.
        await page.GotoAsync($"{site}/me/assignments/tanh-network/handout");
        Assert.Equal("Your next submission: 20% penalty", (await page.Locator("#next").InnerTextAsync()).Trim());
        Assert.Contains("within 1% or 0.001", await page.Locator(".question[data-question='forward']").InnerTextAsync());
        await page.GotoAsync($"{site}/me/assignments/tanh-network");

        // The report: raw score, the penalty and the counted score; the accepted precision beside each question.
        await late.Locator("a", new LocatorLocatorOptions { HasText = "report" }).ClickAsync();
        Assert.Equal("13 / 13", (await page.Locator("#score").InnerTextAsync()).Trim());
        Assert.Equal("Attempt 2, late; penalty 20% (−2.6); counts 10.4 / 13.", (await page.Locator("#counted").InnerTextAsync()).Trim());
        Assert.Equal("accepted: within 1% or 0.001", (await page.Locator("tr[data-question='forward'] .precision").InnerTextAsync()).Trim());

        // /me: the due date and time left, attempts, and the score the gradebook counts (the latest, 20% off).
        await page.GotoAsync($"{site}/me");
        var row = page.Locator("tr[data-assignment='tanh-network']");
        Assert.Equal(Berlin(due), await row.Locator("td.due time").GetAttributeAsync("datetime"));
        Assert.Contains("(2 h 0 min left)", await row.Locator("td.due").InnerTextAsync());
        Assert.Equal("2 used, 1 left", (await row.Locator("td.attempts").InnerTextAsync()).Trim());
        Assert.Equal("10.4 / 13 (13 raw − 2.6)", (await row.Locator("td.counted").InnerTextAsync()).Trim());
        var book = await service.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/assignments/tanh-network/gradebook.json");
        Assert.Equal(10.4, book.GetProperty("students")[0].GetProperty("total").GetDouble(), 9);

        // Without JavaScript the date stays in the course's time zone.
        await using var plain = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, TimezoneId = "America/New_York" });
        var noScript = await plain.NewPageAsync();
        await noScript.GotoAsync($"{site}/s/{tokens["ada"]}");
        await noScript.GotoAsync($"{site}/me/assignments/tanh-network");
        Assert.Equal(TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("yyyy-MM-dd HH:mm 'UTC'zzz", System.Globalization.CultureInfo.InvariantCulture),
            await noScript.Locator("#due time").InnerTextAsync());
    }

    private static string Berlin(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
