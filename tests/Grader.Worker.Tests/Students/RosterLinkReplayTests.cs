using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Students;

/// <summary>
/// The confirmation of a new link on <c>/roster</c> is good once: posting it again (a replay, a
/// double click, the browser's back button and resend) or after the link has changed some other way
/// is refused with a message asking to press New link again, and the link stays as it is.
/// </summary>
[Collection("service")]
public class RosterLinkReplayTests
{
    [Fact]
    public async Task A_confirmation_of_a_new_link_replaces_the_link_once_and_is_refused_when_posted_again()
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\nbob\n");
        using var ta = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = service.Http.BaseAddress };
        var first = await ConfirmationAsync(ta, "ada");

        using (var done = await ta.PostAsync("/roster/reset-link", new FormUrlEncodedContent(first)))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Contains("New link for ada", new HtmlParser().ParseDocument(await done.Content.ReadAsStringAsync()).QuerySelector("#message")!.TextContent);
        }

        var replaced = (await ClassList.TokensAsync(service))["ada"];
        Assert.NotEqual(tokens["ada"], replaced);

        // The same confirmation again: refused, the link unchanged.
        using (var replay = await ta.PostAsync("/roster/reset-link", new FormUrlEncodedContent(first)))
        {
            Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
            var message = new HtmlParser().ParseDocument(await replay.Content.ReadAsStringAsync()).QuerySelector("#message")!.TextContent;
            Assert.Contains("ada's link was not replaced", message);
            Assert.Contains("press New link again", message);
        }

        Assert.Equal(replaced, (await ClassList.TokensAsync(service))["ada"]);

        // A confirmation asked before the link changed some other way (the API) is stale too.
        var second = await ConfirmationAsync(ta, "ada");
        using (var api = await service.Http.PostAsync("/api/roster/ada/reset-link", null))
        {
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        }

        var byApi = (await ClassList.TokensAsync(service))["ada"];
        using (var stale = await ta.PostAsync("/roster/reset-link", new FormUrlEncodedContent(second)))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        Assert.Equal(byApi, (await ClassList.TokensAsync(service))["ada"]);
        Assert.Equal(tokens["bob"], (await ClassList.TokensAsync(service))["bob"]);
    }

    /// <summary>Presses New link for a student on /roster and returns the confirmation page's form fields.</summary>
    private static async Task<KeyValuePair<string, string>[]> ConfirmationAsync(HttpClient ta, string student)
    {
        var parser = new HtmlParser();
        var roster = parser.ParseDocument(await ta.GetStringAsync($"/roster?token={TestService.TaToken}"));
        var antiforgery = roster.QuerySelector($"#students tr[data-student='{student}'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var ask = await ta.PostAsync("/roster/reset-link", new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery), new("student", student)]));
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        IHtmlDocument page = parser.ParseDocument(await ask.Content.ReadAsStringAsync());
        return [.. page.QuerySelectorAll("form#confirm input").Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value")!))];
    }
}
