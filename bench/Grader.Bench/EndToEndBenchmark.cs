using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Grader.Worker.Grading;
using Grader.Worker.Host;

namespace Grader.Bench;

/// <summary>
/// Phase 3: the real service in-process on a fresh SQLite file (or several nodes on one
/// PostgreSQL database), submissions posted over HTTP on 127.0.0.1, measured from each POST to
/// its grade landing in the database.
/// </summary>
public sealed class EndToEndBenchmark : IAsyncDisposable
{
    private readonly WebApplication[] apps;
    private readonly HttpClient[] clients;
    private int warmedUp;
    private int nextClient;

    private EndToEndBenchmark(WebApplication[] apps, HttpClient[] clients)
    {
        this.apps = apps;
        this.clients = clients;
    }

    /// <summary>
    /// Starts <paramref name="nodes"/> service nodes on free ports with their data in
    /// <paramref name="folder"/> (SQLite), or sharing the PostgreSQL database of
    /// <paramref name="postgres"/>; posts are spread over the nodes in turn.
    /// </summary>
    public static async Task<EndToEndBenchmark> StartAsync(string folder, string assignments, string? postgres = null, int nodes = 1)
    {
        var apps = new WebApplication[nodes];
        var clients = new HttpClient[nodes];
        for (var n = 0; n < nodes; n++)
        {
            var nodeFolder = Path.Combine(folder, $"node{n}");
            var settings = new Dictionary<string, string?>
            {
                ["Grader:DatabasePath"] = Path.Combine(folder, "grader.db"),
                ["Grader:AssignmentsPath"] = assignments,
                ["Grader:InboxPath"] = Path.Combine(nodeFolder, "inbox"),
                ["Grader:Url"] = "http://127.0.0.1:0",
                ["Grader:TaToken"] = "bench-token-for-the-ta-pages",
                ["Grader:Limits:RequestsPerSecondPerClient"] = "0", // one client posts everything: measure the service, not the limiter
                ["Logging:LogLevel:Default"] = "Warning",
            };
            if (postgres is not null)
            {
                settings["Grader:Database:Provider"] = "postgres";
                settings["Grader:Database:ConnectionString"] = postgres;
            }

            var app = GraderService.Build([], b => b.Configuration.AddInMemoryCollection(settings));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            apps[n] = app;
            clients[n] = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        }

        // As a load balancer waits for a new node: each node sees the others before it is sent work
        // (their Hangfire servers announce themselves just after start), so the nodes share the
        // cluster's intake writers from the first measured post.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (postgres is not null && nodes > 1 && apps.Any(a => a.Services.GetRequiredService<LiveNodes>().Refresh() < nodes) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return new EndToEndBenchmark(apps, clients);
    }

    /// <summary>Warms the service up (JIT tiers, pools, caches) with a burst that is not measured.</summary>
    public async Task WarmUpAsync(IReadOnlyList<string> files, int concurrency, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        var sent = new ConcurrentDictionary<long, DateTime>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (watch.Elapsed < duration)
            {
                if (await PostAsync(files[Interlocked.Increment(ref next) % files.Count]) is { } id)
                {
                    sent[id] = DateTime.UtcNow;
                }
            }
        })));
        await WaitForGradesAsync(sent);
        await using var db = await apps[0].Services.GetRequiredService<IDbContextFactory<GraderDbContext>>().CreateDbContextAsync();
        warmedUp = await db.Grades.CountAsync();
    }

    /// <summary>Posts every file with a fixed number in flight; waits until all are graded.</summary>
    public async Task<EndToEndResult> RunClosedLoopAsync(IReadOnlyList<string> files, int concurrency)
    {
        var exceptions = 0;
        var locked = 0;
        var kinds = new ConcurrentDictionary<string, int>();
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            Interlocked.Increment(ref exceptions);
            kinds.AddOrUpdate(e.Exception.GetType().Name, 1, (_, n) => n + 1);
            if (e.Exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 })
            {
                Interlocked.Increment(ref locked);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(), Process.GetCurrentProcess().TotalProcessorTime);
        var jitBefore = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var writtenBefore = ProcessIo.BytesWritten();
        var sent = new ConcurrentDictionary<long, DateTime>();
        var errors = 0;
        var next = -1;
        var peak = new PeakMemory();
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < files.Count)
            {
                var start = DateTime.UtcNow;
                if (await PostAsync(files[i]) is { } id)
                {
                    sent[id] = start;
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        var acceptedSeconds = watch.Elapsed.TotalSeconds;
        var latencies = await WaitForGradesAsync(sent);
        var gradedSeconds = watch.Elapsed.TotalSeconds;
        AppDomain.CurrentDomain.FirstChanceException -= Count;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - gcBefore.Item5).TotalMilliseconds / sent.Count;
        var written = ProcessIo.BytesWritten() is { } after && writtenBefore is { } before ? (after - before) / (double)sent.Count : double.NaN;
        Console.Error.WriteLine($"diagnostics: exceptions {exceptions} ({string.Join(", ", kinds.OrderByDescending(k => k.Value).Take(4).Select(k => $"{k.Key} {k.Value}"))}), gen0 {GC.CollectionCount(0) - gcBefore.Item1}, gen2 {GC.CollectionCount(2) - gcBefore.Item2}, " +
            $"GC pause {(GC.GetTotalPauseDuration() - gcBefore.Item3).TotalMilliseconds:0} ms, allocated {(GC.GetTotalAllocatedBytes() - gcBefore.Item4) / 1048576} MB, " +
            $"CPU {cpuMs:0.000} ms per submission, written {written / 1024:0.0} KB per submission, " +
            $"JIT {System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore.Item1} methods in {(System.Runtime.JitInfo.GetCompilationTime() - jitBefore.Item2).TotalMilliseconds:0} ms");
        return new EndToEndResult(sent.Count, errors, sent.Count / acceptedSeconds, sent.Count / gradedSeconds, latencies, peak.Stop()) { DatabaseLocked = locked, CpuMsPerSubmission = cpuMs, BytesWrittenPerSubmission = written };
    }

    /// <summary>Posts at a fixed offered rate (open loop) for a duration; waits until all are graded.</summary>
    public async Task<EndToEndResult> RunOpenLoopAsync(Func<int, string> file, double rate, TimeSpan duration)
    {
        var sent = new ConcurrentDictionary<long, DateTime>();
        var errors = 0;
        var peak = new PeakMemory();
        var total = (int)(rate * duration.TotalSeconds);
        var watch = Stopwatch.StartNew();
        var posts = new List<Task>();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due > watch.Elapsed)
            {
                await Task.Delay(due - watch.Elapsed);
            }

            var text = file(i);
            posts.Add(Task.Run(async () =>
            {
                var start = DateTime.UtcNow;
                if (await PostAsync(text) is { } id)
                {
                    sent[id] = start;
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }));
        }

        await Task.WhenAll(posts);
        var acceptedSeconds = watch.Elapsed.TotalSeconds;
        var latencies = await WaitForGradesAsync(sent);
        if (Environment.GetEnvironmentVariable("GRADER_BENCH_TAIL") is not null)
        {
            foreach (var l in latencies.Where(l => l > 200).Order())
            {
                Console.Error.WriteLine($"slow: {l:0} ms");
            }
        }

        return new EndToEndResult(sent.Count, errors, sent.Count / acceptedSeconds, sent.Count / watch.Elapsed.TotalSeconds, latencies, peak.Stop());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        foreach (var http in clients)
        {
            http.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    private async Task<long?> PostAsync(string text)
    {
        using var content = new StringContent(text);
        var http = clients[(int)((uint)Interlocked.Increment(ref nextClient) % clients.Length)];
        using var response = await http.PostAsync("/api/submissions", content);
        return (int)response.StatusCode == 202 ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64() : null;
    }

    private async Task<List<double>> WaitForGradesAsync(ConcurrentDictionary<long, DateTime> sent)
    {
        var factory = apps[0].Services.GetRequiredService<IDbContextFactory<GraderDbContext>>();
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await factory.CreateDbContextAsync();
            if (await db.Grades.CountAsync() >= warmedUp + sent.Count)
            {
                var graded = await db.Grades.AsNoTracking().Select(g => new { g.SubmissionId, g.GradedAt }).ToListAsync();
                return [.. graded.Where(g => sent.ContainsKey(g.SubmissionId)).Select(g => (g.GradedAt - sent[g.SubmissionId]).TotalMilliseconds)];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("submissions were not all graded within 10 minutes");
    }
}
