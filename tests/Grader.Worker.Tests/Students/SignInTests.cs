using System.Net;
using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Students;

/// <summary>
/// Signing out takes a POST with the antiforgery token (the GET page only asks), and a personal
/// link opened while the browser holds another sign-in asks before it switches (login CSRF).
/// </summary>
[Collection("service")]
public class SignInTests
{
    private static HttpClient Browser(TestService service, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = service.Http.BaseAddress };

    private static async Task<(string Action, string Token, string Text)> FormAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var form = page.QuerySelector("form#confirm")!;
        return (form.GetAttribute("action")!, form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!, page.Body!.TextContent);
    }

    private static async Task<string?> SignedInAsAsync(HttpClient browser)
    {
        using var me = await browser.GetAsync("/me");
        return me.StatusCode == HttpStatusCode.OK
            ? new HtmlParser().ParseDocument(await me.Content.ReadAsStringAsync()).QuerySelector("#student")?.TextContent
            : null;
    }

    [Fact]
    public async Task Signing_out_takes_a_post_with_the_antiforgery_token_and_the_get_page_changes_nothing()
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        var cookies = new CookieContainer();
        using var browser = Browser(service, cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync($"/s/{tokens["ada"]}")).StatusCode);
        Assert.Equal("ada", await SignedInAsAsync(browser));

        var (action, token, _) = await FormAsync(browser, "/me/sign-out");
        Assert.Equal("/me/sign-out", action);
        Assert.Equal("ada", await SignedInAsAsync(browser)); // the page only asks

        using (var forged = await browser.PostAsync("/me/sign-out", new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        Assert.Equal("ada", await SignedInAsAsync(browser));
        using (var signOut = await browser.PostAsync(action, new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        }

        Assert.Null(await SignedInAsAsync(browser));
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("the TA")]
    public async Task A_link_opened_while_another_sign_in_is_held_asks_first_and_switches_only_on_the_button(string held)
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\nbob\n");
        var cookies = new CookieContainer();
        using var browser = Browser(service, cookies);
        (await browser.GetAsync(held == "bob" ? $"/s/{tokens["bob"]}" : $"/?token={TestService.TaToken}")).Dispose();

        var (action, token, text) = await FormAsync(browser, $"/s/{tokens["ada"]}");
        Assert.Contains($"You are signed in as {held}: continue as ada?", text);
        Assert.Equal($"/s/{tokens["ada"]}", action);
        Assert.Equal(held == "bob" ? "bob" : null, await SignedInAsAsync(browser)); // nothing changed yet

        using (var forged = await browser.PostAsync(action, new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using (var confirmed = await browser.PostAsync(action, new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
            Assert.Equal("/me", confirmed.Headers.Location!.OriginalString);
        }

        Assert.Equal("ada", await SignedInAsAsync(browser));

        // The same link again, now held: straight in.
        using var again = await browser.GetAsync($"/s/{tokens["ada"]}");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }
}
