using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grader.Bench;

/// <summary>
/// Phase <c>sqlite</c>'s floor: the HTTP path alone, as the end-to-end run drives it (the same
/// client, connections, concurrency and answer files, Kestrel on 127.0.0.1 in this process), to
/// a route that only reads the body and answers 202 with the service's JSON: no answer file
/// read, no grading, no storage. What it costs in CPU per request, the service's own path pays
/// before any of its work, on the same 2 cores.
/// </summary>
public static class HttpFloorBenchmark
{
    /// <summary>Requests per second and the process's CPU (ms) per request, over every file once.</summary>
    public static async Task<(double PerSecond, double CpuMsPerRequest)> RunAsync(IReadOnlyList<string> files, int concurrency, TimeSpan warmUp)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        var nextId = 0L;
        app.MapPost("/api/submissions", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var id = Interlocked.Increment(ref nextId);
            var url = $"/api/submissions/{id}";
            return Results.Accepted(url, new Accepted(id, "accepted", url, "0123456789abcdef0123456789abcdef0123456789abcdef", $"/report/{id}"));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(address),
        };

        async Task PostAsync(string text)
        {
            using var content = new StringContent(text);
            using var response = await http.PostAsync("/api/submissions", content);
            _ = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        }

        async Task LoopAsync(IReadOnlyList<string> batch)
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < batch.Count)
                {
                    await PostAsync(batch[i]);
                }
            })));
        }

        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < warmUp)
        {
            await LoopAsync(files.Take(2000).ToList());
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await LoopAsync(files);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        await app.StopAsync();
        return (files.Count / seconds, cpuMs / files.Count);
    }

    private sealed record Accepted(long Id, string Status, string StatusUrl, string Receipt, string ReportUrl);
}
