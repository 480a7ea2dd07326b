using System.Globalization;
using System.Text.Json;
using Grader.Data.Entities;
using Grader.Domain.Assignments;
using Grader.Worker.Tests.Reports;
using Grader.Worker.Tests.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Grader.Worker.Tests.Students;

/// <summary>
/// The student's side in a real browser (Debian's chromium via Playwright) against the real
/// service: the personal link, the student's own numbers, Check, Submit, the report, and refusals.
/// </summary>
[Collection("service")]
public class StudentBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_student_signs_in_sees_their_own_numbers_checks_submits_and_reads_the_report()
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student,name,email\nada,Ada Lovelace,ada@example.org\nbob,Bob Babbage,\n");
        var site = service.Http.BaseAddress!.ToString().TrimEnd('/');
        var shots = DebianChromium.Screenshots();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var adaContext = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await adaContext.NewPageAsync();

        // The personal link signs the browser in and lands on /me.
        await page.GotoAsync($"{site}/s/{tokens["ada"]}");
        Assert.EndsWith("/me", page.Url);
        Assert.Equal("ada", await page.Locator("#student").InnerTextAsync());
        await page.Locator("a", new PageLocatorOptions { HasText = "svm-random" }).ClickAsync();
        Assert.EndsWith("/me/assignments/svm-random", page.Url);

        // Ada's own values, equal to `key --student ada`.
        var adaKey = KeyValues("ada");
        await AssertValuesAsync(page, adaKey);

        // The question texts' TeX is rendered by KaTeX, served by the service itself.
        await page.Locator(".question[data-question='data-loss'] .katex").First.WaitForAsync();
        Assert.True(await page.Locator(".question-text .katex").CountAsync() >= 6);

        // Type ada's key, but dL-dW flattened to a vector of 12: Check flags that field's shape and stores nothing.
        var assignment = AssignmentLoader.LoadFile(Repo.Assignment("svm-random")).Assignment!;
        var key = AnswerKeyBuilder.Build(assignment, "ada");
        foreach (var (id, value) in key.Answers)
        {
            var text = id == "dL-dW" ? "[" + string.Join(", ", value.Data.Select(d => d.ToString("R", CultureInfo.InvariantCulture))) + "]" : value.ToString();
            await page.Locator($"input[name='q.{id}']").FillAsync(text);
        }

        await page.Locator("#check").ClickAsync();
        Assert.Equal("wrong-shape", await page.Locator(".question[data-question='dL-dW'] .check").GetAttributeAsync("data-status"));
        Assert.Contains("(12,)", await page.Locator(".question[data-question='dL-dW'] .check").InnerTextAsync());
        Assert.Contains("(3, 4)", await page.Locator(".question[data-question='dL-dW'] .check").InnerTextAsync());
        Assert.Equal(5, await page.Locator(".check[data-status='ok']").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "student-check.png"), FullPage = true });
        Assert.Equal(key.Answers.Single(a => a.Key == "scores").Value.ToString(), await page.Locator("input[name='q.scores']").InputValueAsync());
        await using (var db = service.Db())
        {
            Assert.Equal(0, await db.Submissions.CountAsync());
        }

        // Fix the field and submit: the page confirms, the submission is graded, the score shows, the report opens and links back.
        await page.Locator("input[name='q.dL-dW']").FillAsync(key.AnswerTo("dL-dW")!.ToString());
        await page.Locator("#submit").ClickAsync();
        Assert.Contains("is graded", await page.Locator("#notice").InnerTextAsync()); // graded in the commit that stored it (GradeAtIntake)
        var submitted = await WaitForGradedAsync(service);
        Assert.Equal("ada", submitted.Student);
        await page.ReloadAsync();
        var maxScore = assignment.Questions.Sum(q => q.Points(assignment.Defaults));
        Assert.Equal($"{maxScore} / {maxScore}", (await page.Locator($"#submissions tr[data-submission='{submitted.Id}'] td.score").InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "student-page.png"), FullPage = true });

        await page.Locator($"#submissions tr[data-submission='{submitted.Id}'] a").ClickAsync();
        Assert.Contains($"{maxScore} / {maxScore}", await page.Locator("#score").InnerTextAsync());
        await page.Locator("#back").ClickAsync();
        Assert.EndsWith("/me/assignments/svm-random", page.Url);

        // A post as another student with ada's sign-in cookie is refused (403) and kept as rejected.
        // (It is sent as from the service's own page: same-origin, which the cross-site guard lets through.)
        var bobFile = ClassList.Exact("svm-random", "bob", "bob");
        var refused = await page.APIRequest.PostAsync($"{site}/api/submissions", new APIRequestContextOptions
        {
            Data = bobFile,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/yaml", ["Sec-Fetch-Site"] = "same-origin" },
        });
        Assert.Equal(403, refused.Status);
        Assert.Contains("belongs to 'ada'", await refused.TextAsync());

        // Bob's link, in a browser without JavaScript: other numbers (his own), and Check still works.
        await using var bobContext = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var bob = await bobContext.NewPageAsync();
        await bob.GotoAsync($"{site}/s/{tokens["bob"]}");
        await bob.GotoAsync($"{site}/me/assignments/svm-random");
        Assert.Equal("bob", await bob.Locator("#student").InnerTextAsync());
        var bobKey = KeyValues("bob");
        Assert.NotEqual(adaKey.GetProperty("W").GetRawText(), bobKey.GetProperty("W").GetRawText());
        await AssertValuesAsync(bob, bobKey);
        await bob.Locator("input[name='q.scores']").FillAsync("[1, 2");
        await bob.Locator("#check").ClickAsync();
        Assert.Equal("invalid", await bob.Locator(".question[data-question='scores'] .check").GetAttributeAsync("data-status"));
        Assert.Equal("empty", await bob.Locator(".question[data-question='W-next'] .check").GetAttributeAsync("data-status"));

        // Without a sign-in, /me asks for the link.
        await using var stranger = await browser.NewContextAsync();
        var anonymous = await stranger.NewPageAsync();
        Assert.Equal(401, (await anonymous.GotoAsync($"{site}/me"))!.Status);
        Assert.Equal(404, (await anonymous.GotoAsync($"{site}/s/not-a-token"))!.Status);
        await using (var db = service.Db())
        {
            Assert.Equal(1, await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Rejected));
            Assert.Equal(1, await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Graded));
        }

        output.WriteLine($"screenshots in {shots}");
    }

    /// <summary>The values of `key --student ID --format json`.</summary>
    private static JsonElement KeyValues(string student)
    {
        var (exit, json, error) = Cli.Cli.Run("key", Repo.Assignment("svm-random"), "--student", student, "--format", "json");
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(json).RootElement.GetProperty("values").Clone();
    }

    /// <summary>Every value on the page equals the key's, cell by cell, in row-major order.</summary>
    private static async Task AssertValuesAsync(IPage page, JsonElement values)
    {
        foreach (var value in values.EnumerateObject())
        {
            var cells = await page.Locator($"#values figure[data-value='{value.Name}'] td").AllInnerTextsAsync();
            Assert.Equal(Flatten(value.Value), cells.Select(c => double.Parse(c, CultureInfo.InvariantCulture)));
        }
    }

    private static IEnumerable<double> Flatten(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().SelectMany(Flatten) : [e.GetDouble()];

    private static async Task<Submission> WaitForGradedAsync(TestService service)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = service.Db();
            if (await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Status == SubmissionStatus.Graded) is { } s)
            {
                return s;
            }

            Assert.True(DateTime.UtcNow < deadline, "the submission was not graded within a minute");
            await Task.Delay(100);
        }
    }
}
