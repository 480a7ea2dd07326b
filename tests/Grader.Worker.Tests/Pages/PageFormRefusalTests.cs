using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;
using Grader.Worker.Tests.Students;

namespace Grader.Worker.Tests.Pages;

/// <summary>
/// A page's form refused by the framework before its handler (no or a stale antiforgery token, an
/// over-size upload, a missing field) answers a browser with a page saying why, with a way back,
/// not the API's JSON; the API, the pages' fetch() endpoint and clients that do not ask for HTML keep JSON.
/// </summary>
[Collection("service")]
public class PageFormRefusalTests
{
    [Fact]
    public async Task A_browsers_refused_form_post_gets_a_page_with_the_reason()
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        using var student = Browser(service);
        (await student.GetAsync($"/s/{tokens["ada"]}")).Dispose();
        var page = await PageAsync(student, "/me/assignments/svm-random");
        var referer = new Uri(service.Http.BaseAddress!, "/me/assignments/svm-random");

        // No antiforgery token (a page kept open across a new sign-in, a form posted from elsewhere).
        var missing = await PostAsync(student, "/me/assignments/svm-random", new FormUrlEncodedContent([new("action", "check")]), referer);
        AssertPage(missing, HttpStatusCode.BadRequest, "reload the page");
        Assert.NotNull(missing.Page!.QuerySelector("a[href='/me/assignments/svm-random']"));

        // An over-size file on the upload form, over the form's limit: 413 and the limit, not "antiforgery token".
        foreach (var size in new[] { (1 << 20) + (200 * 1024), 5 << 20 })
        {
            var over = await PostAsync(student, "/me/assignments/svm-random/upload", Upload(page, size), referer);
            AssertPage(over, HttpStatusCode.RequestEntityTooLarge, "an answer file may be at most 1 MiB (1,048,576 bytes)");
            Assert.DoesNotContain("antiforgery", over.Text, StringComparison.OrdinalIgnoreCase);
        }

        // A form the service cannot read (over the form's field count): said so, not blamed on the token.
        var crowded = await PostAsync(student, "/me/assignments/svm-random", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", page.QuerySelector("#answers input[name='__RequestVerificationToken']")!.GetAttribute("value")!),
                .. Enumerable.Range(0, 300).Select(i => KeyValuePair.Create($"q.x{i}", "1"))]), referer);
        AssertPage(crowded, HttpStatusCode.BadRequest, "could not be read");
        Assert.DoesNotContain("security token", crowded.Text, StringComparison.Ordinal);

        // The TA's forms: a missing field, a missing token.
        using var ta = Browser(service);
        var roster = await PageAsync(ta, $"/roster?token={TestService.TaToken}");
        var antiforgery = roster.QuerySelector("#import input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        AssertPage(await PostAsync(ta, "/roster/reset-link", new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]), null), HttpStatusCode.BadRequest, "could not be read");
        AssertPage(await PostAsync(ta, "/submissions/1/overrides", new FormUrlEncodedContent([new("score", "1")]), null), HttpStatusCode.BadRequest, "reload the page");
    }

    [Fact]
    public async Task The_API_the_pages_fetch_endpoint_and_scripts_keep_JSON()
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        using var student = Browser(service);
        (await student.GetAsync($"/s/{tokens["ada"]}")).Dispose();
        var page = await PageAsync(student, "/me/assignments/svm-random");

        // The live graph drawing is fetched by the page's script (Accept: */*).
        using var graph = new HttpRequestMessage(HttpMethod.Post, "/me/assignments/svm-random/graph") { Content = new FormUrlEncodedContent([new("question", "x")]) };
        graph.Headers.Accept.ParseAdd("*/*");
        using (var response = await student.SendAsync(graph))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("antiforgery", Error(await response.Content.ReadAsStringAsync()));
        }

        // An /api route answers JSON even to a client asking for HTML.
        using var api = new HttpRequestMessage(HttpMethod.Post, "/api/submissions/1/overrides") { Content = new FormUrlEncodedContent([new("question", "q")]) };
        api.Headers.Accept.ParseAdd("text/html");
        api.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestService.TaToken);
        using (var response = await student.SendAsync(api))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
            Assert.Contains("application/json", Error(await response.Content.ReadAsStringAsync()));
        }

        // A script posting an over-size file to the page's upload (no Accept: text/html): JSON, with the right status and words.
        using (var response = await student.PostAsync("/me/assignments/svm-random/upload", Upload(page, 5 << 20)))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("over the size limit", Error(await response.Content.ReadAsStringAsync()));
        }
    }

    private sealed record Answer(HttpStatusCode Status, string? MediaType, string Text, IHtmlDocument? Page);

    private static HttpClient Browser(TestService service) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = service.Http.BaseAddress };

    private static async Task<IHtmlDocument> PageAsync(HttpClient browser, string path) =>
        new HtmlParser().ParseDocument(await browser.GetStringAsync(path));

    private static MultipartFormDataContent Upload(IHtmlDocument page, int size) => new()
    {
        { new StringContent(page.QuerySelector("#upload input[name='__RequestVerificationToken']")!.GetAttribute("value")!), "__RequestVerificationToken" },
        { new ByteArrayContent(new byte[size]), "file", "answers.yaml" },
    };

    /// <summary>Posts a form as a browser does: asking for HTML, with the page it came from as Referer.</summary>
    private static async Task<Answer> PostAsync(HttpClient browser, string path, HttpContent content, Uri? referer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        request.Headers.Referrer = referer;
        using var response = await browser.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var media = response.Content.Headers.ContentType?.MediaType;
        return new Answer(response.StatusCode, media, text, media == "text/html" ? new HtmlParser().ParseDocument(text) : null);
    }

    private static void AssertPage(Answer answer, HttpStatusCode status, string words)
    {
        Assert.True(answer.Status == status && answer.Page is not null, $"{(int)answer.Status} {answer.MediaType}: {answer.Text}");
        Assert.NotNull(answer.Page!.QuerySelector("h1"));
        Assert.Contains(words, answer.Page.Body!.TextContent);
    }

    private static string Error(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("error").GetString()!;
    }
}
