using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Grader.Worker.Host;

namespace Grader.Bench;

/// <summary>
/// Phase "hostile": the time and peak memory of the worst cases of the hostile corpus
/// (<c>tests/hostile</c>, <c>tests/Shared/HostileCorpus.cs</c>), each one alone: reading and
/// grading a hostile answer file in-process, and posting hostile requests to the real service,
/// which must still answer <c>/health</c> after each.
/// </summary>
public static class HostileBenchmark
{
    /// <summary>One measured case.</summary>
    public sealed record Case(string Name, double Milliseconds, double AllocatedMB, double PeakWorkingSetMB, string Outcome);

    /// <summary>Runs every case; the service's data lives in <paramref name="folder"/>.</summary>
    public static async Task<IReadOnlyList<Case>> RunAsync(string folder, string assignments)
    {
        var tanh = AssignmentLoader.LoadFile(Path.Combine(assignments, "tanh-network.yaml")).Assignment!;
        var cases = new List<Case>
        {
            Grade("grade: conv2d padding 10^6 (issue file)", tanh, HostileCorpus.Text("answers/conv-padding.yaml")),
            Grade("grade: outer product bomb (12 KB)", tanh, HostileCorpus.OuterBomb()),
            Grade("grade: conv2d of 6·10^10 multiply-adds", tanh, HostileCorpus.CostlyConv()),
            Grade("grade: answers past the file budget", tanh, HostileCorpus.ManyOuters()),
        };

        Directory.CreateDirectory(folder);
        var app = GraderService.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grader:DatabasePath"] = Path.Combine(folder, "grader.db"),
            ["Grader:AssignmentsPath"] = assignments,
            ["Grader:InboxPath"] = Path.Combine(folder, "inbox"),
            ["Grader:Url"] = "http://127.0.0.1:0",
            ["Grader:TaToken"] = "bench-ta-token-0123456789",
            ["Grader:Limits:RequestsPerSecondPerClient"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            // Like curl: Expect: 100-continue, waiting for the server's answer before sending a body it may refuse.
            using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) })
            {
                BaseAddress = new Uri(address),
                Timeout = TimeSpan.FromMinutes(2),
            };
            await Post(http, "warm-up", () => Raw(Encoding.UTF8.GetBytes(HostileCorpus.Text("answers/conv-padding.yaml")), "application/yaml"));
            cases.Add(await Post(http, "POST: outer product bomb (12 KB)", () => Raw(Encoding.UTF8.GetBytes(HostileCorpus.OuterBomb()), "application/yaml")));
            cases.Add(await Post(http, "POST: 50 MB raw body", () => Raw(HostileCorpus.HugeBody(), "application/yaml")));
            cases.Add(await Post(http, "POST: 1,025 multipart parts", () => Raw(HostileCorpus.ManyParts().Body, HostileCorpus.ManyParts().ContentType)));
            cases.Add(await Post(http, "POST: 100 KB file name", () => Raw(HostileCorpus.LongFileName().Body, HostileCorpus.LongFileName().ContentType)));
            cases.Add(await Post(http, "POST: 900 KB assignment id", () => Raw(Encoding.UTF8.GetBytes(HostileCorpus.LongAssignmentId()), "application/yaml")));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        return cases;
    }

    /// <summary>The cases as a table, with the bound each must stay within.</summary>
    public static string Table(IReadOnlyList<Case> cases)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| hostile case                                  |     ms | allocated MB | peak working set MB | outcome |");
        sb.AppendLine("|-----------------------------------------------|--------|--------------|---------------------|---------|");
        foreach (var c in cases)
        {
            sb.AppendLine($"| {c.Name,-45} | {c.Milliseconds,6:0.0} | {c.AllocatedMB,12:0.0} | {c.PeakWorkingSetMB,19:0} | {c.Outcome} |");
        }

        return sb.ToString();
    }

    private static Case Grade(string name, Assignment assignment, string text)
    {
        GC.Collect();
        var memory = new PeakMemory();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var file = AnswerFileReader.Read(text, "hostile.yaml").File!;
        var report = AnswerGrader.Grade(assignment, file);
        watch.Stop();
        var forward = report.Questions.Single(q => q.Id == "forward");
        return new Case(name, watch.Elapsed.TotalMilliseconds, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6, memory.Stop() / 1e6,
            $"{forward.Status.ToString().ToLowerInvariant()}: {Cut(forward.Feedback)}");
    }

    private static async Task<Case> Post(HttpClient http, string name, Func<HttpContent> content)
    {
        GC.Collect();
        var memory = new PeakMemory();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = content() };
        request.Headers.ExpectContinue = true;
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        watch.Stop();
        using var health = await http.GetAsync("/health");
        return new Case(name, watch.Elapsed.TotalMilliseconds, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6, memory.Stop() / 1e6,
            $"{(int)response.StatusCode} {Cut(body)}; /health {(int)health.StatusCode}");
    }

    private static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static string Cut(string text) => text.Length <= 70 ? text : text[..70] + "…";
}
