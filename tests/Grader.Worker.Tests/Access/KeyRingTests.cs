using System.Net;
using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Access;

/// <summary>
/// The keys that protect the pages' antiforgery tokens are kept in the database, not in the home
/// folder of the machine that made them: a form rendered by one node is accepted by another node of
/// the cluster (each with a home of its own, as on two machines), and by the same service after a
/// restart in a home folder that was not kept (a container).
/// </summary>
[Collection("service")]
public class KeyRingTests
{
    [Fact]
    public async Task A_form_rendered_before_a_restart_without_the_home_folder_is_accepted_after_it()
    {
        using var dir = new TempDir();
        using var homeBefore = new TempDir();
        using var homeAfter = new TempDir();
        (string Cookie, string Token) pair;
        using (var before = await ChildService.StartAsync(dir, environment: new Dictionary<string, string> { ["HOME"] = homeBefore.Path }))
        {
            pair = await SignOutFormAsync(before);
        }

        using var after = await ChildService.StartAsync(dir, environment: new Dictionary<string, string> { ["HOME"] = homeAfter.Path });
        Assert.Equal(HttpStatusCode.OK, await PostSignOutAsync(after, pair));
    }

    [PostgresFact]
    public async Task A_form_rendered_by_one_node_is_accepted_by_another()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("grader");
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        Dictionary<string, string> Node(TempDir home) => new()
        {
            ["Grader__Database__Provider"] = "postgres",
            ["Grader__Database__ConnectionString"] = connectionString,
            ["HOME"] = home.Path,
        };
        using var a = await ChildService.StartAsync(dirA, environment: Node(dirA));
        using var b = await ChildService.StartAsync(dirB, environment: Node(dirB));
        Assert.Equal(HttpStatusCode.OK, await PostSignOutAsync(b, await SignOutFormAsync(a)));
        Assert.Equal(HttpStatusCode.OK, await PostSignOutAsync(a, await SignOutFormAsync(b)));
    }

    /// <summary>The sign-out page's antiforgery cookie (name=value) and form token, as a browser would keep them.</summary>
    private static async Task<(string Cookie, string Token)> SignOutFormAsync(ChildService node)
    {
        using var http = Anonymous(node);
        using var response = await http.GetAsync("/me/sign-out");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).Split(';')[0];
        var token = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return (cookie, token);
    }

    private static async Task<HttpStatusCode> PostSignOutAsync(ChildService node, (string Cookie, string Token) pair)
    {
        using var http = Anonymous(node);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/me/sign-out") { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", pair.Token)]) };
        post.Headers.Add("Cookie", pair.Cookie);
        using var response = await http.SendAsync(post);
        return response.StatusCode;
    }

    /// <summary>A browser signed in as nobody (the node's own client sends the TA token).</summary>
    private static HttpClient Anonymous(ChildService node) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = node.Http.BaseAddress };
}
