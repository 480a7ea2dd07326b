using System.Net.Http.Json;
using System.Text.Json;
using Grader.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Grader.Worker.Course;
using Grader.Worker.Host;

namespace Grader.Worker.Tests.Service;

/// <summary>
/// The real service in-process: a SQLite file in a temporary folder, Hangfire's queue in memory,
/// Kestrel on a free 127.0.0.1 port, and a copy of the repository's assignments.
/// </summary>
public sealed class TestService : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly bool ownsDir;

    private TestService(WebApplication app, TempDir dir, HttpClient http, bool ownsDir)
    {
        this.app = app;
        Dir = dir;
        Http = http;
        this.ownsDir = ownsDir;
    }

    public const string TaToken = "test-ta-token-0123456789";

    public TempDir Dir { get; }

    public HttpClient Http { get; }

    public string AssignmentsPath => Path.Combine(Dir.Path, "assignments");

    public string InboxPath => Path.Combine(Dir.Path, "inbox");

    public string DatabasePath => Path.Combine(Dir.Path, "grader.db");

    public IServiceProvider Services => app.Services;

    public static async Task<TestService> StartAsync(TempDir? reuse = null, int workers = 4, Action<WebApplicationBuilder>? configure = null,
        IDictionary<string, string?>? settings = null, TimeProvider? clock = null, Action<WebApplication>? map = null, bool adopt = false)
    {
        var dir = reuse ?? new TempDir();
        var assignments = Path.Combine(dir.Path, "assignments");
        if (!Directory.Exists(assignments))
        {
            Directory.CreateDirectory(assignments);
            foreach (var f in Directory.EnumerateFiles(Repo.Assignments, "*.yaml"))
            {
                File.Copy(f, Path.Combine(assignments, Path.GetFileName(f)));
            }
        }

        var app = GraderService.Build([], b =>
        {
            if (clock is not null)
            {
                b.Services.AddKeyedSingleton(CourseRules.ClockKey, clock);
            }

            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Grader:DatabasePath"] = Path.Combine(dir.Path, "grader.db"),
                ["Grader:AssignmentsPath"] = assignments,
                ["Grader:InboxPath"] = Path.Combine(dir.Path, "inbox"),
                ["Grader:Url"] = "http://127.0.0.1:0",
                ["Grader:Workers"] = workers.ToString(),
                ["Grader:InboxPollInterval"] = "00:00:00.100",
                ["Grader:TaToken"] = TaToken,
                ["Logging:LogLevel:Default"] = "Warning",

                // The tests post from one address far faster than a class: the rate limit has its own tests.
                ["Grader:Limits:RequestsPerSecondPerClient"] = "0",
            });
            b.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            configure?.Invoke(b);
        });
        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TaToken);
        return new TestService(app, dir, http, ownsDir: reuse is null || adopt); // adopt: the caller's folder is deleted with the service
    }

    public GraderDbContext Db() => app.Services.GetRequiredService<IDbContextFactory<GraderDbContext>>().CreateDbContext();

    /// <summary>
    /// Commits seed 004's answer file to tanh-network as an accepted submission directly in the
    /// database, with no grading job queued for it: what a node killed mid-stream leaves behind.
    /// </summary>
    public async Task<long> CommitUnqueuedAsync(string receiptToken)
    {
        await using var db = Db();
        var version = (await db.AssignmentVersions.SingleAsync(v => v.AssignmentId == "tanh-network" && v.IsCurrent)).Id;
        var submission = new Grader.Data.Entities.Submission
        {
            ReceivedAt = DateTime.UtcNow, Content = await File.ReadAllBytesAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml")),
            ContentHash = "h", Source = "api", AssignmentId = "tanh-network", Student = "seed-004", AssignmentVersionId = version,
            Status = Grader.Data.Entities.SubmissionStatus.Accepted, ReceiptToken = receiptToken,
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        return submission.Id;
    }

    public async Task<(int Status, JsonElement Body)> PostAsync(string text, string contentType = "application/yaml")
    {
        using var content = new StringContent(text);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await Http.PostAsync("/api/submissions", content);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async Task<JsonElement> GetAsync(long id) => await Http.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}");

    /// <summary>Waits until every id has reached one of the given statuses.</summary>
    public async Task<Dictionary<long, JsonElement>> WaitForAsync(IEnumerable<long> ids, string status = "graded", int seconds = 120)
    {
        var pending = ids.ToHashSet();
        var done = new Dictionary<long, JsonElement>();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            foreach (var id in pending.ToList())
            {
                var s = await GetAsync(id);
                if (s.GetProperty("status").GetString() == status)
                {
                    done[id] = s;
                    pending.Remove(id);
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(pending.Count == 0, $"{pending.Count} submissions not {status} after {seconds} s, e.g. {pending.FirstOrDefault()}");
        return done;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (ownsDir)
        {
            Dir.Dispose(); // a folder the caller passed in is the caller's to delete
        }
    }
}
