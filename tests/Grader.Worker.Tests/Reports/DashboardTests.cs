using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Reports;

[Collection("service")]
public class DashboardTests
{
    [Fact]
    public async Task The_Hangfire_Dashboard_opens_with_the_TA_token_only_and_the_home_page_links_to_it()
    {
        await using var service = await TestService.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = service.Http.BaseAddress };
        Assert.Equal(401, (int)(await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(401, (int)(await anonymous.GetAsync("/hangfire?token=wrong")).StatusCode);
        Assert.Equal(401, (int)(await anonymous.GetAsync("/hangfire/jobs/enqueued")).StatusCode);

        using var ta = await service.Http.GetAsync("/hangfire");
        Assert.Equal(200, (int)ta.StatusCode);
        Assert.Contains("Grader: grading queue", await ta.Content.ReadAsStringAsync());

        // Opened once with ?token=, the browser keeps the cookie for the dashboard's own requests.
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = service.Http.BaseAddress };
        Assert.Equal(200, (int)(await browser.GetAsync($"/hangfire?token={TestService.TaToken}")).StatusCode);
        Assert.Equal(200, (int)(await browser.GetAsync("/hangfire/jobs/succeeded")).StatusCode);

        var home = await service.Http.GetStringAsync("/");
        Assert.Contains("href=\"/hangfire\"", home);
    }
}
