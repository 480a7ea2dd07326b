using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Grader.Worker.Tests.Service;
using Grader.Worker.Access;
using Grader.Worker.Host;

namespace Grader.Worker.Tests.Reports;

[Collection("service")]
public class AccessTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/assignments/tanh-network")]
    [InlineData("/assignments/tanh-network/gradebook.csv")]
    [InlineData("/assignments/tanh-network/gradebook.json")]
    [InlineData("/submissions/1")]
    [InlineData("/api/submissions/1")]
    public async Task No_token_is_401(string path)
    {
        await using var service = await TestService.StartAsync();
        await service.PostAsync("assignment: tanh-network\nstudent: s\nanswers: {forward: 0.313}\n");
        using var anonymous = new HttpClient { BaseAddress = service.Http.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/assignments/tanh-network/regrade", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Http.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_receipt_opens_its_own_report_and_nothing_else()
    {
        await using var service = await TestService.StartAsync();
        var (_, a) = await service.PostAsync("assignment: tanh-network\nstudent: a\nanswers: {forward: 0.313}\n");
        var (_, b) = await service.PostAsync("assignment: tanh-network\nstudent: b\nanswers: {forward: 0.3}\n");
        var (idA, receiptA) = (a.GetProperty("id").GetInt64(), a.GetProperty("receipt").GetString());
        var idB = b.GetProperty("id").GetInt64();
        await service.WaitForAsync([idA, idB]);
        using var student = new HttpClient { BaseAddress = service.Http.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, (await student.GetAsync($"/submissions/{idA}?receipt={receiptA}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await student.GetAsync($"/api/submissions/{idA}?receipt={receiptA}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await student.GetAsync(a.GetProperty("statusUrl").GetString())).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync($"/submissions/{idB}?receipt={receiptA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync($"/api/submissions/{idB}?receipt={receiptA}")).StatusCode);
        foreach (var page in new[] { "/", "/assignments/tanh-network", "/assignments/tanh-network/gradebook.csv" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync($"{page}?receipt={receiptA}")).StatusCode);
        }

        using var withHeader = new HttpRequestMessage(HttpMethod.Post, "/api/assignments/tanh-network/regrade");
        withHeader.Headers.Add("X-Receipt", receiptA);
        Assert.Equal(HttpStatusCode.Forbidden, (await student.SendAsync(withHeader)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync($"/submissions/{idA}?receipt=wrong")).StatusCode);
    }

    [Fact]
    public async Task A_token_in_the_address_signs_the_browser_in_with_a_cookie()
    {
        await using var service = await TestService.StartAsync();
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = service.Http.BaseAddress };
        using var first = await browser.GetAsync($"/assignments/tanh-network?token={TestService.TaToken}&sort=score");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // The page is shown at its address without the token (kept out of history and Referer), other parameters kept.
        Assert.Equal("/assignments/tanh-network?sort=score", first.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        // Scripts that put the token in an API or export address get their answer directly.
        using var export = await browser.GetAsync($"/assignments/tanh-network/gradebook.csv?token={TestService.TaToken}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("token=", export.RequestMessage!.RequestUri!.Query);
        Assert.Single(cookies.GetAllCookies(), c => c.Name == "grader_ta" && c.HttpOnly);
        using var stranger = new HttpClient { BaseAddress = service.Http.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/?token=guess")).StatusCode);
    }

    [Fact]
    public async Task A_student_never_sees_a_key_the_assignment_hides()
    {
        await using var service = await TestService.StartAsync();
        var file = Path.Combine(service.AssignmentsPath, "relu-network.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("defaults:\n", "defaults:\n  show_key: never\n"));
        using var reload = await service.Http.PostAsync("/api/assignments/relu-network/regrade", null);
        var (_, body) = await service.PostAsync(await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "relu-network.seed-001.yaml")));
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);
        using var student = new HttpClient { BaseAddress = service.Http.BaseAddress };
        var json = await student.GetStringAsync(body.GetProperty("statusUrl").GetString());
        Assert.Contains("\"expected\":null", json);
        Assert.DoesNotContain("\"expected\":[", json);
        var page = await student.GetStringAsync(body.GetProperty("reportUrl").GetString());
        Assert.Contains("not shown", page);
        var ta = await service.Http.GetStringAsync($"/api/submissions/{id}");
        Assert.Contains("\"expected\":[", ta);
    }

    [Fact]
    public async Task Without_a_configured_token_one_is_generated_once_and_kept()
    {
        using var dir = new TempDir();
        var tokenFile = Path.Combine(dir.Path, "ta-token.txt");
        var app = GraderService.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grader:DatabasePath"] = Path.Combine(dir.Path, "grader.db"),
            ["Grader:AssignmentsPath"] = Repo.Assignments,
            ["Grader:InboxPath"] = Path.Combine(dir.Path, "inbox"),
            ["Grader:Url"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await app.StartAsync();
        var first = File.ReadAllText(tokenFile).Trim();
        await app.StopAsync();
        await app.DisposeAsync();
        Assert.Equal(40, first.Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        }

        var again = GraderService.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grader:DatabasePath"] = Path.Combine(dir.Path, "grader.db"),
            ["Grader:AssignmentsPath"] = Repo.Assignments,
            ["Grader:Url"] = "http://127.0.0.1:0",
            ["Grader:InboxPath"] = Path.Combine(dir.Path, "inbox"),
        }));
        await again.StartAsync();
        Assert.Equal(first, again.Services.GetRequiredService<TaTokenStore>().Token);
        await again.StopAsync();
        await again.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
