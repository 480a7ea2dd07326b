using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Students;

/// <summary>
/// Answers under question ids the assignment does not have (<c>dl-dw</c> for <c>dL-dW</c>,
/// <c>Scores</c> for <c>scores</c>) are ignored by the grader; the student's page says so right
/// after an upload or Submit, and on Check, with the did-you-mean the report carries.
/// </summary>
[Collection("service")]
public class AnswerWarningsPageTests
{
    [Theory]
    // how the answers are handed in, the id the student wrote, the id meant, the warning (LINE: the line of the written id in the uploaded file)
    [InlineData("upload", "dl-dw", "dL-dW", "LINE: unknown question id 'dl-dw' ignored (did you mean 'dL-dW'?)")]
    [InlineData("upload", "Scores", "scores", "LINE: unknown question id 'Scores' ignored (did you mean 'scores'?)")]
    [InlineData("submit", "dl-dw", "dL-dW", "unknown question id 'dl-dw' (a field of the answer page) ignored (did you mean 'dL-dW'?)")]
    [InlineData("check", "dl-dw", "dL-dW", "unknown question id 'dl-dw' (a field of the answer page) ignored (did you mean 'dL-dW'?)")]
    public async Task The_page_warns_of_answers_to_unknown_question_ids_with_a_did_you_mean(string how, string written, string meant, string warning)
    {
        await using var service = await TestService.StartAsync();
        using var browser = await SignedInAsAdaAsync(service);
        var page = await PageAsync(browser, "/me/assignments/svm-random");

        // Ada's own key with one answer under the wrong id.
        var file = ClassList.Exact("svm-random", "ada", null).Replace($"  {meant}:", $"  {written}:", StringComparison.Ordinal);
        var line = file.Split('\n').ToList().FindIndex(l => l.StartsWith($"  {written}:", StringComparison.Ordinal)) + 1;
        Assert.True(line > 0, file);
        warning = warning.Replace("LINE", $"line {line}", StringComparison.Ordinal);
        using var response = how == "upload"
            ? await browser.PostAsync("/me/assignments/svm-random/upload", new MultipartFormDataContent
            {
                { new StringContent(Antiforgery(page, "#upload")), "__RequestVerificationToken" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(file)), "file", "ada.yaml" },
            })
            : await browser.PostAsync("/me/assignments/svm-random", new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", Antiforgery(page, "#answers")),
                new("q.scores", "[1, 2, 3]"),
                new($"q.{written}", "[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]"),
                new("action", how),
            ]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var warnings = after.QuerySelector("#warnings");
        Assert.True(warnings is not null, after.Body!.TextContent);
        Assert.Contains(warning, warnings!.QuerySelectorAll("li").Select(li => li.TextContent));
        if (how == "check")
        {
            Assert.Equal("Warnings:", warnings.QuerySelector("p")!.TextContent);
            Assert.Null(after.QuerySelector("#notice"));
            return;
        }

        // After the submission: its notice, the same warning the report carries, and the report says it too.
        Assert.Contains("submitted=", response.RequestMessage!.RequestUri!.Query);
        Assert.StartsWith("Warnings on this submission", warnings.QuerySelector("p")!.TextContent);
        Assert.Contains("is graded", after.QuerySelector("#notice")!.TextContent);
        var id = long.Parse(System.Web.HttpUtility.ParseQueryString(response.RequestMessage.RequestUri.Query)["submitted"]!, System.Globalization.CultureInfo.InvariantCulture);
        var report = await service.GetAsync(id);
        Assert.Contains(warning, report.GetProperty("report").GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task A_clean_submission_shows_no_warnings()
    {
        await using var service = await TestService.StartAsync();
        using var browser = await SignedInAsAdaAsync(service);
        var page = await PageAsync(browser, "/me/assignments/svm-random");
        using var response = await browser.PostAsync("/me/assignments/svm-random", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Antiforgery(page, "#answers")),
            new("q.scores", "[1, 2, 3]"),
            new("action", "submit"),
        ]));
        var after = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(after.QuerySelector("#notice"));
        Assert.Null(after.QuerySelector("#warnings"));
    }

    [Fact]
    public async Task The_upload_address_opened_again_is_the_assignments_page()
    {
        await using var service = await TestService.StartAsync();
        using var browser = await SignedInAsAdaAsync(service);
        using var response = await browser.GetAsync("/me/assignments/svm-random/upload");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("/me/assignments/svm-random", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull(new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("#answers"));
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient browser, string path) =>
        new HtmlParser().ParseDocument(await browser.GetStringAsync(path));

    private static string Antiforgery(IHtmlDocument page, string form) =>
        page.QuerySelector($"{form} input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

    /// <summary>A browser (cookies kept) signed in as ada, the one student of a new class list.</summary>
    private static async Task<HttpClient> SignedInAsAdaAsync(TestService service)
    {
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = service.Http.BaseAddress };
        (await browser.GetAsync($"/s/{tokens["ada"]}")).Dispose();
        return browser;
    }
}
