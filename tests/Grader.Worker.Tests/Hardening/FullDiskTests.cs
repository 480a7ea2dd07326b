using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Worker.Tests.Service;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grader.Worker.Tests.Hardening;

/// <summary>
/// A full disk: submissions are answered 503 with <c>Retry-After: 30</c> and a JSON error, logged
/// once (not a stack trace per request), <c>submit</c> exits 2 with the message; <c>/health/ready</c>
/// says the disk check fails while <c>/health</c> answers ok; all comes back once there is space.
/// </summary>
[Collection("service")]
public class FullDiskTests
{
    [Fact]
    public async Task A_full_disk_is_503_with_Retry_After_logged_once_and_readiness_says_so_until_space_returns()
    {
        var disk = new FullDisk();
        var logs = new CapturedLogs();
        await using var service = await TestService.StartAsync(configure: b =>
        {
            b.Services.AddSingleton<IInterceptor>(disk);
            b.Logging.AddProvider(logs);
        });
        var seed = await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"));
        var ready = await service.Http.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        Assert.Equal("disk", ready.GetProperty("checks")[0].GetProperty("name").GetString());

        disk.Full = true;
        for (var i = 0; i < 5; i++)
        {
            using var content = new StringContent(seed);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/yaml");
            using var response = await service.Http.PostAsync("/api/submissions", content);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} {text}");
            Assert.Equal("30", response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString());
            Assert.Contains("disk is full", JsonDocument.Parse(text).RootElement.GetProperty("error").GetString());
        }

        using (var notReady = await service.Http.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            var body = await notReady.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("unhealthy", body.GetProperty("status").GetString());
            var check = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "disk");
            Assert.Equal("unhealthy", check.GetProperty("status").GetString());
            Assert.Contains("cannot be written", check.GetProperty("description").GetString());
        }

        await Health.AssertServingAsync(service.Http);
        using var dir = new TempDir();
        var file = dir.Write("a.yaml", seed);
        var (exit, _, error) = await Task.Run(() => Cli.Cli.Run("submit", file, "--server", service.Http.BaseAddress!.ToString(), "--token", TestService.TaToken));
        Assert.True(exit == 2, error);
        Assert.Contains("disk is full", error);

        // One log line for all of it, with no stack trace; nothing logged as an unhandled request failure.
        var logged = logs.Messages.Where(m => m.Contains("cannot be written", StringComparison.Ordinal)).ToList();
        Assert.True(logged.Count == 1, string.Join("\n", logged));
        Assert.DoesNotContain("   at ", logged[0]);
        Assert.DoesNotContain(logs.Messages, m => m.Contains("failed", StringComparison.Ordinal) && m.Contains("Exception", StringComparison.Ordinal));
        Assert.True(disk.WritesRefused >= 6);

        disk.Full = false;
        Assert.Equal("healthy", (await service.Http.GetFromJsonAsync<JsonElement>("/health/ready")).GetProperty("status").GetString());
        var (status, accepted) = await service.PostAsync(seed);
        Assert.Equal(202, status);
        await service.WaitForAsync([accepted.GetProperty("id").GetInt64()]);
    }
}
