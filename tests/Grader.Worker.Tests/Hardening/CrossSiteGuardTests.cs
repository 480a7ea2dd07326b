using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Worker.Tests.Service;
using Grader.Worker.Tests.Students;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Tests.Hardening;

/// <summary>
/// A state-changing API request authenticated only by a sign-in cookie is refused unless it shows
/// it comes from the service's own pages (antiforgery token, <c>Sec-Fetch-Site: same-origin</c>,
/// or its own or <c>PublicUrl</c>'s origin); bearer tokens are not affected.
/// </summary>
[Collection("service")]
public class CrossSiteGuardTests
{
    private const string PublicUrl = "https://grader.example.org";

    private static Task<TestService> StartAsync() => TestService.StartAsync(settings: new Dictionary<string, string?> { ["Grader:PublicUrl"] = PublicUrl });

    private static HttpClient CookieClient(TestService service, string cookie, string? origin, string? fetchSite)
    {
        var http = ClassList.Client(service);
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        if (origin is not null)
        {
            http.DefaultRequestHeaders.Add("Origin", origin == "self" ? service.Http.BaseAddress!.GetLeftPart(UriPartial.Authority) : origin);
        }

        if (fetchSite is not null)
        {
            http.DefaultRequestHeaders.Add("Sec-Fetch-Site", fetchSite);
        }

        return http;
    }

    public static TheoryData<string, string?, string?, int> Origins => new()
    {
        // name, Origin ("self": the service's own address), Sec-Fetch-Site, status
        { "another site", "https://evil.example", "cross-site", 403 },
        { "a sibling subdomain", "https://evil.grader.example.org", "same-site", 403 },
        { "no Origin and no Sec-Fetch-Site", null, null, 403 },
        { "the origin null (a sandboxed frame)", "null", null, 403 },
        { "its own origin", "self", null, 200 },
        { "Sec-Fetch-Site: same-origin", null, "same-origin", 200 },
        { "the PublicUrl's origin", PublicUrl, "same-origin", 200 },
        { "the PublicUrl's origin, no Sec-Fetch-Site", PublicUrl, null, 200 },
    };

    [Theory]
    [MemberData(nameof(Origins))]
    public async Task A_class_list_post_with_only_the_TA_cookie_needs_to_come_from_the_service(string name, string? origin, string? fetchSite, int status)
    {
        await using var service = await StartAsync();
        using var ta = CookieClient(service, $"grader_ta={TestService.TaToken}", origin, fetchSite);
        using var response = await ta.PostAsync("/api/roster", new StringContent("student\nmallory\n"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{name}: {(int)response.StatusCode} {text}");
        var roster = await service.Http.GetFromJsonAsync<JsonElement>("/api/roster");
        Assert.Equal(status == 200 ? 1 : 0, roster.GetArrayLength());
        if (status == 403)
        {
            Assert.Equal("cross-site request refused", JsonDocument.Parse(text).RootElement.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task Regrade_publish_and_reset_link_with_the_TA_cookie_from_another_site_are_refused_and_a_bearer_token_is_not()
    {
        await using var service = await StartAsync();
        await ClassList.ImportAsync(service, "student\nada\n");
        var before = await ClassList.TokensAsync(service);
        using var evil = CookieClient(service, $"grader_ta={TestService.TaToken}", "https://evil.example", "cross-site");

        // A made-up ?receipt= on the address exempted a request the cookie still signed in (an attacker's try).
        foreach (var path in new[] { "/api/assignments/tanh-network/regrade", "/api/assignments/publish", "/api/roster/ada/reset-link", "/api/roster/ada/reset-link?receipt=x" })
        {
            using var response = await evil.PostAsync(path, null);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
        }

        Assert.Equal(before["ada"], (await ClassList.TokensAsync(service))["ada"]);

        // The CLI's way: a bearer token, whatever the Origin says.
        using var bearer = ClassList.Client(service, TestService.TaToken);
        bearer.DefaultRequestHeaders.Add("Origin", "https://evil.example");
        using var reset = await bearer.PostAsync("/api/roster/ada/reset-link", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
    }

    [Fact]
    public async Task A_submission_with_only_a_students_cookie_from_another_site_is_refused_and_uses_no_attempt()
    {
        await using var service = await StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        MultipartFormDataContent Upload() => new() { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(ClassList.Exact("svm-random", "ada", null))), "file", "ada.yaml" } };

        foreach (var path in new[] { "/api/submissions", "/api/submissions?receipt=x" })
        {
            using var evil = CookieClient(service, $"grader_student={tokens["ada"]}", "https://evil.example", "cross-site");
            using var refused = await evil.PostAsync(path, Upload());
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("cross-site request refused", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }

        await using (var db = service.Db())
        {
            Assert.Equal(0, await db.Submissions.CountAsync());
        }

        using var own = CookieClient(service, $"grader_student={tokens["ada"]}", "self", "same-origin");
        using var accepted = await own.PostAsync("/api/submissions", Upload());
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }
}
