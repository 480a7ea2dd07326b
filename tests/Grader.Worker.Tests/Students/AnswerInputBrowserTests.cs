using System.Globalization;
using Grader.Domain.Assignments;
using Grader.Worker.Tests.Reports;
using Grader.Worker.Tests.Service;
using Microsoft.Playwright;

namespace Grader.Worker.Tests.Students;

/// <summary>
/// Typing answers in chromium: Check's typeset preview of what was read (a NumPy-style list as a
/// list), the grid of cells beside a matrix's field, Submit keeping what was typed, and the grade
/// shown without a reload: on the page at once when intake graded the submission in the commit
/// that stored it (GradeAtIntake, the default), or polled until it arrives when a job grades it.
/// </summary>
[Collection("service")]
public class AnswerInputBrowserTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Check_previews_the_grid_fills_the_field_and_the_grade_arrives_without_a_reload(bool gradeAtIntake)
    {
        // Without grading at intake the job waits 2 s for others to join it, so the page renders before the grade.
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Grader:GradeAtIntake"] = gradeAtIntake.ToString(),
            ["Grader:QueueLinger"] = gradeAtIntake ? null : "00:00:02",
        });
        var tokens = await ClassList.ImportAsync(service, "student,name,email\nada,Ada Lovelace,ada@example.org\n");
        var site = service.Http.BaseAddress!.ToString().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } })).NewPageAsync();
        await page.GotoAsync($"{site}/s/{tokens["ada"]}");
        await page.GotoAsync($"{site}/me/assignments/svm-random");

        // A grid sized to the expected shape beside each vector's and matrix's field: scores (3,), dL-dW (3, 4).
        Assert.Equal(3, await page.Locator("table[data-grid='scores'] input").CountAsync());
        Assert.Equal(12, await page.Locator("table[data-grid='dL-dW'] input").CountAsync());
        Assert.Equal(0, await page.Locator("table[data-grid='total-loss']").CountAsync());

        // The grid writes the field row by row; the field, typed as MATLAB prints a vector, fills the grid.
        var grid = page.Locator("table[data-grid='dL-dW']");
        await grid.Locator("input[data-cell='0,0']").FillAsync("1");
        await grid.Locator("input[data-cell='2,3']").FillAsync("-2.5");
        Assert.Equal("[[1, , , ], [, , , ], [, , , -2.5]]", await page.Locator("input[name='q.dL-dW']").InputValueAsync());
        await page.Locator("input[name='q.scores']").FillAsync("[1 -2 +3]");
        Assert.Equal(["1", "-2", "+3"], await page.Locator("table[data-grid='scores'] input").EvaluateAllAsync<string[]>("cells => cells.map(c => c.value)"));

        // Check: MATLAB's rule reads three elements, typeset as a one-row matrix; [1 - 2] is one element.
        await page.Locator("input[name='q.W-next']").FillAsync("[1 - 2]");
        await page.Locator("#check").ClickAsync();
        var scores = page.Locator(".question[data-question='scores']");
        Assert.Equal("ok", await scores.Locator(".check").GetAttributeAsync("data-status"));
        await scores.Locator(".preview .katex").WaitForAsync();
        Assert.Equal("[1−23]", System.Text.RegularExpressions.Regex.Replace(await scores.Locator(".preview .katex-html").InnerTextAsync(), @"[^0-9−.\[\]]", ""));
        var wNext = page.Locator(".question[data-question='W-next']");
        Assert.Contains("read as a scalar, but the question expects shape (3, 4)", await wNext.Locator(".check").InnerTextAsync());
        Assert.Equal("[−1]", System.Text.RegularExpressions.Regex.Replace(await wNext.Locator(".preview .katex-html").InnerTextAsync(), @"[^0-9−.\[\]]", ""));
        // The grid's cells left empty are named by row and column, not by a column of the text it wrote (cell 0,0 holds 1, cell 0,1 is the first empty one).
        Assert.Equal("cannot read dL-dW: row 1, column 2 is empty; write a number in every cell",
            (await page.Locator(".question[data-question='dL-dW'] .check").InnerTextAsync()).Trim());
        Assert.Equal("-2.5", await grid.Locator("input[data-cell='2,3']").InputValueAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DebianChromium.Screenshots(), "student-check-preview.png"), FullPage = true });

        // Type ada's key (dL-dW cell by cell in the grid, scores as NumPy prints it) and submit.
        var assignment = AssignmentLoader.LoadFile(Repo.Assignment("svm-random")).Assignment!;
        var key = AnswerKeyBuilder.Build(assignment, "ada");
        var typed = new Dictionary<string, string>();
        foreach (var (id, value) in key.Answers)
        {
            if (id == "dL-dW")
            {
                for (var o = 0; o < value.Count; o++)
                {
                    await grid.Locator($"input[data-cell='{o / 4},{o % 4}']").FillAsync(R(value.Data[o]));
                }
            }
            else
            {
                typed[id] = id == "scores" ? "[" + string.Join(" ", value.Data.Select(R)) + "]" : value.ToString();
                await page.Locator($"input[name='q.{id}']").FillAsync(typed[id]);
            }
        }

        await page.Locator("#submit").ClickAsync();
        Assert.Contains(gradeAtIntake ? "is graded" : "received", await page.Locator("#notice").InnerTextAsync());

        // What was typed is still in the fields; the grade appears without a reload.
        foreach (var (id, text) in typed)
        {
            Assert.Equal(text, await page.Locator($"input[name='q.{id}']").InputValueAsync());
        }

        var graded = gradeAtIntake ? "#submissions tr:has(td.status-graded)" : "#submissions tr[data-polled='graded']";
        await page.Locator(graded).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var max = assignment.Questions.Sum(q => q.Points(assignment.Defaults));
        Assert.Equal($"{max} / {max}", (await page.Locator($"{graded} td.score").InnerTextAsync()).Trim());
        Assert.Contains("is graded", await page.Locator("#notice").InnerTextAsync());
    }

    private static string R(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
