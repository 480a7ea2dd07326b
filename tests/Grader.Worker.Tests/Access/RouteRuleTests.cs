using Grader.Worker.Access;
using Grader.Worker.Tests.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests.Access;

/// <summary>Every route is mapped in the group of its access rule, and a route added to a group is checked by it.</summary>
[Collection("service")]
public class RouteRuleTests
{
    /// <summary>Each endpoint of a data source as "VERB /pattern", with its access rules (normally exactly one).</summary>
    private static List<(string Route, IReadOnlyList<AccessRule> Rules)> RulesOf(EndpointDataSource source) =>
        [.. source.Endpoints.OfType<RouteEndpoint>().Select(e => (
            $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText}",
            (IReadOnlyList<AccessRule>)[.. e.Metadata.GetOrderedMetadata<AccessRuleMetadata>().Select(m => m.Rule)]))];

    private static List<string> WithoutOneRule(EndpointDataSource source) =>
        [.. RulesOf(source).Where(r => r.Rules.Count != 1).Select(r => $"{r.Route}: {r.Rules.Count} rules")];

    [Fact]
    public async Task Every_endpoint_of_the_service_carries_exactly_one_access_rule()
    {
        await using var service = await TestService.StartAsync();
        var source = service.Services.GetRequiredService<EndpointDataSource>();
        Assert.True(RulesOf(source).Count > 30, $"only {RulesOf(source).Count} endpoints found");
        Assert.Empty(WithoutOneRule(source));

        // The checker itself finds an endpoint without a rule.
        var bare = new DefaultEndpointDataSource(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/open"), 0, new EndpointMetadataCollection(), "bare"));
        Assert.Equal(["* /open: 0 rules"], WithoutOneRule(bare));
    }

    [Theory]
    [InlineData("POST /api/submissions", AccessRule.Submitter)]
    [InlineData("GET /api/submissions/{id:long}", AccessRule.TaOrReceipt)]
    [InlineData("GET /submissions/{id:long}", AccessRule.TaReceiptOrOwner)]
    [InlineData("POST /api/submissions/{id:long}/regrade-requests", AccessRule.ReceiptOrOwner)]
    [InlineData("POST /submissions/{id:long}/regrade-requests", AccessRule.ReceiptOrOwner)]
    [InlineData("POST /api/submissions/{id:long}/overrides", AccessRule.Ta)]
    [InlineData("POST /api/assignments/{id}/regrade", AccessRule.Ta)]
    [InlineData("POST /api/assignments/publish", AccessRule.Ta)]
    [InlineData("DELETE /api/assignments/{id}/extensions/{student}", AccessRule.Ta)]
    [InlineData("GET /api/assignments", AccessRule.Anyone)]
    [InlineData("GET /api/roster", AccessRule.Ta)]
    [InlineData("GET /", AccessRule.Ta)]
    [InlineData("GET /assignments/{id}/gradebook.csv", AccessRule.Ta)]
    [InlineData("GET /roster", AccessRule.Ta)]
    [InlineData("* /hangfire/{**path}", AccessRule.Ta)]
    [InlineData("GET /me", AccessRule.Student)]
    [InlineData("POST /me/assignments/{id}/upload", AccessRule.Student)]
    [InlineData("GET /me/assignments/{id}/upload", AccessRule.Student)]
    [InlineData("GET /api/me/assignments/{id}", AccessRule.Student)]
    [InlineData("GET /s/{token}", AccessRule.Anyone)]
    [InlineData("POST /me/sign-out", AccessRule.Anyone)]
    [InlineData("GET /health", AccessRule.Anyone)]
    [InlineData("GET /health/ready", AccessRule.Anyone)]
    public async Task A_route_has_the_rule_of_its_group(string route, AccessRule rule)
    {
        await using var service = await TestService.StartAsync();
        var rules = RulesOf(service.Services.GetRequiredService<EndpointDataSource>()).Where(r => r.Route == route).ToList();
        Assert.True(rules.Count == 1, $"{route}: {rules.Count} endpoints");
        Assert.Equal([rule], rules[0].Rules);
    }

    [Fact]
    public async Task A_route_added_to_the_TA_group_is_refused_without_the_TA_token_and_guarded_against_cross_site_requests()
    {
        await using var service = await TestService.StartAsync(map: app =>
        {
            app.MapAccessGroup(AccessRule.Ta).MapGet("/test/ta-only", () => "for TAs");
            app.MapAccessGroup(AccessRule.Student).MapGet("/test/student-only", () => "for students");
            app.MapAccessGroup(AccessRule.Ta).MapPost("/api/test/ta-change", () => "changed");
        });
        using var anonymous = new HttpClient { BaseAddress = service.Http.BaseAddress };
        Assert.Equal(401, (int)(await anonymous.GetAsync("/test/ta-only")).StatusCode);
        Assert.Equal(401, (int)(await anonymous.GetAsync("/test/ta-only?token=not-the-ta-token")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/test/ta-only");
        wrong.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-the-ta-token");
        Assert.Equal(401, (int)(await anonymous.SendAsync(wrong)).StatusCode);

        // With the token the handler runs; opened with ?token= it redirects to the address without it.
        Assert.Equal("for TAs", await service.Http.GetStringAsync("/test/ta-only"));
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = service.Http.BaseAddress };
        using var signIn = await noRedirect.GetAsync($"/test/ta-only?token={TestService.TaToken}");
        Assert.Equal(302, (int)signIn.StatusCode);
        Assert.Equal("/test/ta-only", signIn.Headers.Location?.OriginalString);

        // The student group: no student is signed in, even with the TA token.
        Assert.Equal(401, (int)(await service.Http.GetAsync("/test/student-only")).StatusCode);

        // The group's cross-site guard: the TA's cookie sent from another site's page is refused.
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = service.Http.BaseAddress };
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/api/test/ta-change");
        crossSite.Headers.Add("Cookie", $"{Credentials.Cookie}={TestService.TaToken}");
        crossSite.Headers.Add("Origin", "https://evil.example");
        using var refused = await browser.SendAsync(crossSite);
        Assert.Equal(403, (int)refused.StatusCode);
        Assert.Contains(CrossSiteGuard.Refused, await refused.Content.ReadAsStringAsync());
        using var sameSite = new HttpRequestMessage(HttpMethod.Post, "/api/test/ta-change");
        sameSite.Headers.Add("Cookie", $"{Credentials.Cookie}={TestService.TaToken}");
        sameSite.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var allowed = await browser.SendAsync(sameSite);
        Assert.Equal("changed", await allowed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_dashboard_refuses_in_the_TA_groups_words()
    {
        await using var service = await TestService.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = service.Http.BaseAddress };
        using var refused = await anonymous.GetAsync("/hangfire/jobs/enqueued");
        Assert.Equal(401, (int)refused.StatusCode);
        Assert.Contains("the grading queue's dashboard needs the TA token", await refused.Content.ReadAsStringAsync());
        using var receipt = await anonymous.GetAsync("/hangfire?receipt=some-receipt");
        Assert.Equal(403, (int)receipt.StatusCode);
        Assert.Contains("the grading queue's dashboard is for TAs", await receipt.Content.ReadAsStringAsync());
    }
}
