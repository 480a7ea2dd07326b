using System.Net;
using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;
using Grader.Worker.Tests.Students;

namespace Grader.Worker.Tests.Access;

/// <summary>
/// The cookies a browser keeps are SameSite=Lax, so a page opened from a link on another site (an
/// LMS, a mail) arrives signed in and with its antiforgery cookie (Strict sent neither: the TA was
/// asked to sign in, and the page set a new antiforgery cookie that broke the forms of every other
/// open tab); and signing out ends the TA's sign-in as well as the student's.
/// </summary>
[Collection("service")]
public class SignInCookieTests
{
    [Theory]
    [InlineData("/?token=" + TestService.TaToken, "grader_ta=")]
    [InlineData("/me/sign-out", ".AspNetCore.Antiforgery.")]
    public async Task Cookies_a_browser_keeps_are_lax(string path, string cookie)
    {
        await using var service = await TestService.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = service.Http.BaseAddress };
        using var response = await http.GetAsync(path);
        var set = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(cookie, StringComparison.Ordinal));
        Assert.Contains("samesite=lax", set, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_out_ends_the_students_and_the_tas_sign_in()
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = service.Http.BaseAddress };
        var signedIn = $"grader_student={tokens["ada"]}; grader_ta={TestService.TaToken}";
        using var page = new HttpRequestMessage(HttpMethod.Get, "/me/sign-out");
        page.Headers.Add("Cookie", signedIn);
        using var confirm = await http.SendAsync(page);
        var antiforgery = confirm.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).Split(';')[0];
        var token = new HtmlParser().ParseDocument(await confirm.Content.ReadAsStringAsync()).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        using var post = new HttpRequestMessage(HttpMethod.Post, "/me/sign-out") { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) };
        post.Headers.Add("Cookie", $"{signedIn}; {antiforgery}");
        using var signedOut = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        var deleted = signedOut.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(deleted, c => c.StartsWith("grader_student=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(deleted, c => c.StartsWith("grader_ta=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
    }
}
