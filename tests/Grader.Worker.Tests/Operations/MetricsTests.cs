using System.Text.Json;
using Grader.Worker.Tests.Service;

using Grader.Worker.Telemetry;

namespace Grader.Worker.Tests.Operations;

/// <summary>
/// <c>GET /metrics</c> after real submissions: each counter moved by exactly what was sent, under the
/// issue's names exactly (OpenTelemetry's Prometheus exporter adds unit and <c>_total</c> suffixes
/// itself), with ASP.NET Core's and the runtime's meters beside them.
/// </summary>
[Collection("service")]
public class MetricsTests
{
    private static readonly string[] Assignments = ["tanh-network", "relu-network", "sin-network"];

    [Fact]
    public async Task After_grading_N_submissions_the_counters_moved_by_exactly_N_and_each_rejection_by_its_reason()
    {
        await using var service = await TestService.StartAsync();
        await using var other = await TestService.StartAsync();
        const int n = 9;
        var ids = new List<long>();
        for (var i = 0; i < n; i++)
        {
            var (status, body) = await service.PostAsync(AnswerFiles.For(Assignments[i % Assignments.Length], $"m{i}", i));
            Assert.True(status == 202, body.ToString());
            ids.Add(body.GetProperty("id").GetInt64());
        }

        Assert.Equal(400, (await service.PostAsync("this is: [not an answer file")).Status);
        Assert.Equal(400, (await service.PostAsync("assignment: no-such-thing\nstudent: s1\nanswers:\n  q: 1\n")).Status);
        Assert.Equal(413, (await service.PostAsync(new string('x', 1100 * 1024))).Status);
        await service.WaitForAsync(ids);

        var scrape = await Scrape.UntilAsync(service, s =>
            s.Value("grader_post_to_grade_seconds_count") >= n && s.Value("grader_grading_duration_seconds_count") >= n
            && s.Value("grader_commit_batch_size_sum") >= n + 3 && s.Value("grader_queue_depth") == 0);
        Assert.Equal(n, scrape.Value("grader_submissions_accepted_total"));
        Assert.Equal(1, scrape.Value("grader_submissions_rejected_total", "reason=\"malformed\""));
        Assert.Equal(1, scrape.Value("grader_submissions_rejected_total", "reason=\"unknown_assignment\""));
        Assert.Equal(1, scrape.Value("grader_submissions_rejected_total", "reason=\"too_large\""));
        Assert.Equal(0, scrape.Value("grader_submissions_rejected_total", "reason=\"no_token\"")); // every reason is there from the start
        foreach (var a in Assignments)
        {
            Assert.Equal(n / Assignments.Length, scrape.Value("grader_submissions_graded_total", $"assignment=\"{a}\""));
        }

        Assert.Equal(n, scrape.Value("grader_grading_duration_seconds_count"));
        Assert.Equal(n, scrape.Value("grader_post_to_grade_seconds_count"));
        Assert.Equal(n, scrape.Value("grader_post_to_grade_seconds_bucket", "le=\"+Inf\""));
        Assert.Equal(n + 3, scrape.Value("grader_commit_batch_size_sum")); // every stored submission, the rejected ones too
        Assert.Equal(0, scrape.Value("grader_queue_depth"));
        Assert.Equal(1, scrape.Value("grader_live_nodes")); // SQLite: this node alone

        // The names exactly as the issue spells them, no doubled or missing suffix.
        Assert.Empty(scrape.Names.Where(x => x.StartsWith("grader_", StringComparison.Ordinal)).Except(
        [
            "grader_submissions_accepted_total", "grader_submissions_rejected_total", "grader_submissions_graded_total",
            "grader_grading_duration_seconds_bucket", "grader_grading_duration_seconds_sum", "grader_grading_duration_seconds_count",
            "grader_post_to_grade_seconds_bucket", "grader_post_to_grade_seconds_sum", "grader_post_to_grade_seconds_count",
            "grader_commit_batch_size_bucket", "grader_commit_batch_size_sum", "grader_commit_batch_size_count", "grader_queue_depth",
            "grader_live_nodes",
        ]));
        Assert.Contains("http_server_request_duration_seconds_count", scrape.Names); // ASP.NET Core's meter
        Assert.Contains("dotnet_gc_collections_total", scrape.Names); // System.Runtime

        // Another host in the same process counts its own submissions only.
        Assert.Equal(0, (await Scrape.ReadAsync(other)).Value("grader_submissions_accepted_total"));
    }

    [Fact]
    public async Task The_queue_depth_is_the_databases_count_of_accepted_submissions_not_yet_graded()
    {
        await using var service = await TestService.StartAsync();
        await Orphans.AddAsync(service, 3, TimeSpan.Zero);
        await Task.Delay(Grader.Worker.Telemetry.QueueProbe.MaxAge); // a reading is kept for a second
        Assert.Equal(3, (await Scrape.ReadAsync(service)).Value("grader_queue_depth"));
    }

    public static TheoryData<string, string?, string?, int> Access => new()
    {
        // name, Grader:Metrics:ScrapeAddresses, Authorization: Bearer, status
        { "no token, no addresses listed", null, null, 401 },
        { "a wrong token", null, "not-the-ta-token-at-all", 403 },
        { "the TA token", null, TestService.TaToken, 200 },
        { "no token from an address not listed", "10.0.0.0/8", null, 401 },
        { "a wrong token from an address not listed", "10.0.0.0/8,192.168.1.7", "not-the-ta-token-at-all", 403 },
        { "no token from a listed address", "127.0.0.1", null, 200 },
        { "no token from a listed range", "127.0.0.0/8", null, 200 },
        { "no token from one of several listed", "::1 192.168.0.0/16 127.0.0.1", null, 200 },
    };

    [Theory]
    [MemberData(nameof(Access))]
    public async Task Metrics_open_with_the_TA_token_or_from_a_listed_address_and_refuse_otherwise_in_JSON(string name, string? addresses, string? bearer, int status)
    {
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?> { ["Grader:Metrics:ScrapeAddresses:0"] = addresses });
        using var http = Scrape.Client(service, bearer);
        using var response = await http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{name}: {(int)response.StatusCode} {text}");
        if (status == 200)
        {
            Assert.Contains("# TYPE", text);
        }
        else
        {
            Assert.Contains("TA token", JsonDocument.Parse(text).RootElement.GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task Metrics_are_never_rate_limited()
    {
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Grader:Limits:RequestsPerSecondPerClient"] = "1",
            ["Grader:Limits:RequestBurstPerClient"] = "1",
        });
        for (var i = 0; i < 5; i++)
        {
            await Scrape.ReadAsync(service);
        }

        // The limit is on: the same client is refused elsewhere.
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var r = await service.Http.GetAsync("/api/assignments");
            statuses.Add((int)r.StatusCode);
        }

        Assert.Contains(429, statuses);
    }

    [Theory]
    [InlineData("--Grader:Metrics:ScrapeAddresses:0=10.0.0.300", "Grader:Metrics:ScrapeAddresses: '10.0.0.300' is neither an IP address nor a CIDR range (e.g. 10.0.0.5 or 10.0.0.0/8)")]
    [InlineData("--Grader:Metrics:ScrapeAddresses:0=10.0.0.0/40", "Grader:Metrics:ScrapeAddresses: '10.0.0.0/40' is neither an IP address nor a CIDR range (e.g. 10.0.0.5 or 10.0.0.0/8)")]
    [InlineData("--Grader:LogFormat=xml", "Grader:LogFormat is 'xml'; it must be text or json")]
    public void An_invalid_operations_setting_stops_the_service_at_start_with_one_line(string setting, string message)
    {
        using var dir = new TempDir();
        var (exit, _, error) = Cli.Cli.Run("serve", setting, $"--Grader:DatabasePath={dir.Path}/grader.db", $"--Grader:InboxPath={dir.Path}/inbox",
            $"--Grader:AssignmentsPath={Repo.Assignments}", "--Grader:Url=http://127.0.0.1:0", "--Logging:LogLevel:Default=None");
        Assert.Equal(4, exit);
        Assert.Equal($"grader: invalid settings: {message}", error.Trim());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
