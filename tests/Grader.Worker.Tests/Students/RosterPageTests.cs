using System.Net;
using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Students;

/// <summary>The TA's class-list page: its forms carry the framework's antiforgery token, and a post without it is refused.</summary>
[Collection("service")]
public class RosterPageTests
{
    [Fact]
    public async Task The_roster_page_imports_a_file_and_replaces_a_link_through_forms_with_antiforgery()
    {
        await using var service = await TestService.StartAsync();

        // A browser-like client: the TA opens the page once with ?token= and is then signed in by a cookie.
        using var ta = ClassList.Client(service);
        var parser = new HtmlParser();
        var page = parser.ParseDocument(await ta.GetStringAsync($"/roster?token={TestService.TaToken}"));
        var token = page.QuerySelector("#import input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        using (var refused = new MultipartFormDataContent { { new StringContent("student\nmallory\n"), "file", "class.csv" } })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await ta.PostAsync("/roster/import", refused)).StatusCode);
        }

        using var import = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("student,name\nada,Ada <b>Lovelace</b>\nbob,Bob\n"), "file", "class.csv" },
        };
        var done = await ta.PostAsync("/roster/import", import);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode); // followed the redirect back to /roster
        page = parser.ParseDocument(await done.Content.ReadAsStringAsync());
        Assert.Equal("Imported: 2 added, 0 updated, 0 unchanged.", page.QuerySelector("#message")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("#students tbody tr").Length);
        var ada = page.QuerySelector("#students tr[data-student='ada']")!;
        Assert.Equal("Ada <b>Lovelace</b>", ada.Children[1].TextContent); // encoded by the framework, not markup
        var oldLink = ada.QuerySelector("code.link")!.TextContent;
        Assert.Equal(oldLink, $"/s/{(await ClassList.TokensAsync(service))["ada"]}");

        // "New link" names its student and asks first: a page with one button; the link is unchanged until it is pressed.
        Assert.Equal("New link for ada", ada.QuerySelector("button")!.GetAttribute("aria-label"));
        var resetToken = ada.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var reset = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = resetToken, ["student"] = "ada" });
        var ask = parser.ParseDocument(await (await ta.PostAsync("/roster/reset-link", reset)).Content.ReadAsStringAsync());
        Assert.Equal("Replace ada's link?", ask.QuerySelector("h1")!.TextContent);
        Assert.Equal(oldLink, $"/s/{(await ClassList.TokensAsync(service))["ada"]}");
        var confirm = ask.QuerySelector("form#confirm")!;
        using var confirmed = new FormUrlEncodedContent(confirm.QuerySelectorAll("input").Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value")!)));
        Assert.Equal(["__RequestVerificationToken", "student", "confirm", "link"], confirm.QuerySelectorAll("input").Select(i => i.GetAttribute("name")));
        page = parser.ParseDocument(await (await ta.PostAsync(confirm.GetAttribute("action"), confirmed)).Content.ReadAsStringAsync());
        Assert.Contains("New link for ada", page.QuerySelector("#message")!.TextContent);
        Assert.NotEqual(oldLink, page.QuerySelector("#students tr[data-student='ada'] code.link")!.TextContent);

        // The home page now says a class list is in force.
        Assert.Contains("Class list: 2 student(s)", parser.ParseDocument(await ta.GetStringAsync("/")).QuerySelector("#mode")!.TextContent);
    }
}
