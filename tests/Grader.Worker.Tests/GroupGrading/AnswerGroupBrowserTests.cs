using System.Text.Json;
using Grader.Worker.Tests.Reports;
using Grader.Worker.Tests.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Grader.Worker.Tests.GroupGrading;

/// <summary>The assignment page's answer groups in chromium: a TA scores a group with the form, every submission of it gets the score, and Undo takes it back.</summary>
[Collection("service")]
public class AnswerGroupBrowserTests
{
    [Fact]
    public async Task A_TA_scores_a_group_on_the_assignment_page_and_undoes_it()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "assignments"));
        File.WriteAllText(Path.Combine(dir.Path, "assignments", "groups-demo.yaml"), AnswerGroupApiTests.Assignment("0.25"));
        await using var service = await TestService.StartAsync(reuse: dir);
        long[] ids =
        [
            await AnswerGroupApiTests.SubmitAsync(service, "ada", "1/2"),
            await AnswerGroupApiTests.SubmitAsync(service, "bob", "0.5"),
            await AnswerGroupApiTests.SubmitAsync(service, "cy", "3/4"),
            await AnswerGroupApiTests.SubmitAsync(service, "dee", "0.25"),
        ];
        await service.WaitForAsync(ids);
        var site = service.Http.BaseAddress!.ToString().TrimEnd('/');

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync();
        var ta = await context.NewPageAsync();
        await ta.GotoAsync($"{site}/assignments/groups-demo?token={TestService.TaToken}");

        // Question q lists its two wrong answers, 1/2 and 0.5 as one group of two students.
        var section = ta.Locator("#groups-q");
        var rows = section.Locator("tr[data-key]");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal("0.5", await rows.Nth(0).Locator("td.answer").InnerTextAsync());
        Assert.Equal("2", await rows.Nth(0).Locator("td.students").InnerTextAsync());
        Assert.Equal("0.75", await rows.Nth(1).Locator("td.answer").InnerTextAsync());

        var form = rows.Nth(0).Locator("form.score-group");
        await form.Locator("input[name='score']").FillAsync("1");
        await form.Locator("input[name='comment']").FillAsync("right method, the square was dropped");
        await form.Locator("input[name='by']").FillAsync("jo");
        await form.Locator("button").ClickAsync();

        // Back on the page at the question's section, with the group's score in force.
        Assert.EndsWith("/assignments/groups-demo#groups-q", ta.Url);
        var half = ta.Locator("#groups-q tr[data-key]").Nth(0);
        Assert.Equal("1 / 2", await half.Locator(".rule-score").InnerTextAsync());
        Assert.Contains("right method, the square was dropped (jo,", await half.Locator("td.rule").InnerTextAsync());
        await ta.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DebianChromium.Screenshots(), "answer-groups.png"), FullPage = true });
        foreach (var (id, score) in ids.Zip(new[] { 2.0, 2, 1, 3 }))
        {
            Assert.Equal(score, (await service.GetAsync(id)).GetProperty("score").GetDouble());
        }

        await using (var db = service.Db())
        {
            Assert.Equal(2, await db.ScoreOverrides.CountAsync(o => o.AnswerGroupRuleId != null && o.By == "jo"));
        }

        // Undo: the scores are the automatic ones again, and the row offers no Undo.
        await half.Locator("form.undo-group button").ClickAsync();
        Assert.Equal(0, await ta.Locator("#groups-q tr[data-key]").Nth(0).Locator("form.undo-group").CountAsync());
        Assert.Equal(1, (await service.GetAsync(ids[0])).GetProperty("score").GetDouble());
        Assert.Equal(JsonValueKind.Null, (await service.GetAsync(ids[0])).GetProperty("report").GetProperty("questions")[0].TryGetProperty("override", out var o) ? o.ValueKind : JsonValueKind.Null);
    }
}
