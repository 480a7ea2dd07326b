using System.Net.Http.Json;
using System.Text.Json;
using Grader.Worker.Tests.Service;
using Microsoft.Extensions.Configuration;

using Grader.Worker.Telemetry;

namespace Grader.Worker.Tests.Operations;

/// <summary>
/// <c>GET /health/ready</c> checks <c>disk</c>, <c>database</c>, <c>migrations</c>, <c>hangfire</c>
/// and <c>queue</c>: 503 when the database cannot be read (the SQLite file gone from its path, or
/// PostgreSQL stopped) and 200 once it is back; <c>GET /health/live</c> answers throughout.
/// </summary>
[Collection("service")]
public class ReadinessTests
{
    private static readonly string[] Checks = ["disk", "database", "migrations", "hangfire", "queue"];

    [Fact]
    public async Task Ready_lists_every_check_healthy_and_live_answers_without_checks()
    {
        await using var service = await TestService.StartAsync();
        var (status, body) = await Ready.ReadAsync(service.Http);
        Assert.True(status == 200, body.ToString());
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal(Checks, body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(body.GetProperty("checks").EnumerateArray(), c => Assert.Equal("healthy", c.GetProperty("status").GetString()));
        Assert.StartsWith("0 submissions waiting", Ready.Check(body, "queue").Description);

        using var anonymous = new HttpClient { BaseAddress = service.Http.BaseAddress };
        var live = await anonymous.GetFromJsonAsync<JsonElement>("/health/live");
        Assert.Equal("healthy", live.GetProperty("status").GetString());
        Assert.Equal(0, live.GetProperty("checks").GetArrayLength());
        Assert.Equal("ok", await anonymous.GetStringAsync("/health")); // unchanged
    }

    [Fact]
    public async Task Ready_is_503_while_the_SQLite_file_cannot_be_read_and_200_when_it_is_back()
    {
        await using var service = await TestService.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = service.Http.BaseAddress };
        await Ready.WaitForAsync(anonymous, 200);

        // The tests run as root, whom file modes do not stop: the file is moved aside and a folder
        // takes its name, so nothing can open (or create) a database there. Its WAL stays in place.
        var aside = service.DatabasePath + ".aside";
        File.Move(service.DatabasePath, aside);
        Directory.CreateDirectory(service.DatabasePath);
        try
        {
            var body = await Ready.WaitForAsync(anonymous, 503, seconds: 10);
            Assert.Equal("unhealthy", body.GetProperty("status").GetString());
            var (status, description) = Ready.Check(body, "database");
            Assert.Equal("unhealthy", status);
            Assert.StartsWith("the database cannot be read:", description);
            Assert.Equal("ok", await anonymous.GetStringAsync("/health"));
            Assert.Equal(200, (int)(await anonymous.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            Directory.Delete(service.DatabasePath);
            File.Move(aside, service.DatabasePath);
        }

        var back = await Ready.WaitForAsync(anonymous, 200, seconds: 10);
        Assert.Equal("healthy", Ready.Check(back, "database").Status);
        var (posted, accepted) = await service.PostAsync(await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml")));
        Assert.Equal(202, posted);
        await service.WaitForAsync([accepted.GetProperty("id").GetInt64()]);
    }

    [Theory]
    [InlineData(2, 10, 10, 300, 200, @"^2 submissions waiting for a grade, the oldest for 1[0-9] s$")]
    [InlineData(2, 10, 1, 300, 503, @"^2 submissions waiting for a grade, the oldest for 1[0-9] s: over the limit of 1 \(Grader:Health:MaxQueueDepth\)$")]
    [InlineData(1, 600, 10, 300, 503, @"^1 submissions waiting for a grade, the oldest for 6[0-9][0-9] s: over the limit of 300 s \(Grader:Health:MaxOldestAccepted\)$")]
    public async Task The_queue_check_holds_the_clusters_depth_and_oldest_wait_to_their_limits(int orphans, int ageSeconds, int maxDepth, int maxOldestSeconds, int status, string description)
    {
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Grader:Health:MaxQueueDepth"] = maxDepth.ToString(),
            ["Grader:Health:MaxOldestAccepted"] = TimeSpan.FromSeconds(maxOldestSeconds).ToString(),
        });
        await Orphans.AddAsync(service, orphans, TimeSpan.FromSeconds(ageSeconds));
        await Task.Delay(Grader.Worker.Telemetry.QueueProbe.MaxAge);
        var (got, body) = await Ready.ReadAsync(service.Http);
        Assert.True(status == got, body.ToString());
        Assert.Matches(description, Ready.Check(body, "queue").Description);
    }

    [PostgresFact]
    public async Task Ready_is_503_while_PostgreSQL_is_stopped_and_200_when_it_is_back()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("grader");
        await using var service = await TestService.StartAsync(configure: b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grader:Database:Provider"] = "postgres",
            ["Grader:Database:ConnectionString"] = connectionString,
        }));
        using var anonymous = new HttpClient { BaseAddress = service.Http.BaseAddress };
        var ready = await Ready.WaitForAsync(anonymous, 200);
        Assert.All(Checks, c => Assert.Equal("healthy", Ready.Check(ready, c).Status));

        await postgres.StopAsync();
        var down = await Ready.WaitForAsync(anonymous, 503, seconds: 30);
        Assert.Equal("unhealthy", Ready.Check(down, "database").Status);
        Assert.Equal("ok", await anonymous.GetStringAsync("/health"));

        await postgres.StartAgainAsync();
        var back = await Ready.WaitForAsync(anonymous, 200, seconds: 60);
        Assert.All(Checks, c => Assert.Equal("healthy", Ready.Check(back, c).Status));
        var (posted, accepted) = await service.PostAsync(await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml")));
        Assert.Equal(202, posted);
        await service.WaitForAsync([accepted.GetProperty("id").GetInt64()]);
    }
}
