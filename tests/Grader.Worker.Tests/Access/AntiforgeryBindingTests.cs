using System.Net;
using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;
using Grader.Worker.Tests.Students;

namespace Grader.Worker.Tests.Access;

/// <summary>
/// A page form's antiforgery token is bound to the sign-in it was issued to (a student's, the TA's,
/// or none): a token pair (the antiforgery cookie and the form's token) taken from one student's
/// page, an anonymous page or the TA's page is refused (400) on another sign-in's form post, while
/// each sign-in's own pair still works, by cookie or by bearer token.
/// </summary>
[Collection("service")]
public class AntiforgeryBindingTests
{
    private const string Answer = "/me/assignments/svm-random";

    [Fact]
    public async Task A_token_issued_to_one_sign_in_is_refused_for_another()
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\nbob\n");
        var ada = $"grader_student={tokens["ada"]}";
        var bob = $"grader_student={tokens["bob"]}";
        var ta = $"grader_ta={TestService.TaToken}";

        var adas = await PairAsync(service, Answer, ada, "#answers");
        var bobs = await PairAsync(service, Answer, bob, "#answers");
        var anonymous = await PairAsync(service, "/me/sign-out", null, "#confirm");
        var tas = await PairAsync(service, "/roster", ta, "#import");
        KeyValuePair<string, string>[] check = [new("action", "check"), new("q.scores", "[1, 2, 3]")];
        KeyValuePair<string, string>[] reset = [new("student", "ada")];

        // Each sign-in's own pair works.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(service, Answer, ada, adas, check));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(service, "/roster/reset-link", ta, tas, reset));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(service, "/me/sign-out", null, anonymous, []));

        // Another sign-in's pair (another student's, an anonymous page's, the TA's) is refused.
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(service, Answer, ada, bobs, check));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(service, Answer, ada, anonymous, check));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(service, Answer, ada, tas, check));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(service, "/roster/reset-link", ta, adas, reset));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(service, "/roster/reset-link", ta, anonymous, reset));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(service, "/me/sign-out", null, adas, []));

        // A bearer token signs a student in too: its pages' tokens are its own.
        var byBearer = await PairAsync(service, Answer, null, "#answers", tokens["ada"]);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(service, Answer, null, byBearer, check, tokens["ada"]));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(service, Answer, null, byBearer, check, tokens["bob"]));
    }

    /// <summary>The antiforgery cookie (name=value) and a form's token from a page.</summary>
    private sealed record Pair(string Cookie, string Token);

    private static HttpClient Client(TestService service) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = service.Http.BaseAddress };

    private static async Task<Pair> PairAsync(TestService service, string path, string? cookie, string form, string? bearer = null)
    {
        using var http = Client(service);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        Send(request, cookie, null, bearer);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return new Pair(set.Split(';')[0], page.QuerySelector($"{form} input[name='__RequestVerificationToken']")!.GetAttribute("value")!);
    }

    private static async Task<HttpStatusCode> PostAsync(TestService service, string path, string? cookie, Pair pair, KeyValuePair<string, string>[] fields, string? bearer = null)
    {
        using var http = Client(service);
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", pair.Token), .. fields]),
        };
        Send(request, cookie, pair.Cookie, bearer);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static void Send(HttpRequestMessage request, string? signIn, string? antiforgery, string? bearer)
    {
        if (string.Join("; ", new[] { signIn, antiforgery }.OfType<string>()) is { Length: > 0 } cookies)
        {
            request.Headers.Add("Cookie", cookies);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
    }
}
