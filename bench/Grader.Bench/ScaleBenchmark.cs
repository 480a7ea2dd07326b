using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grader.Worker.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Bench;

/// <summary>
/// The <c>scale</c> phase: one SQLite database grown to each size in turn (2,000, 20,000, 60,000
/// submissions by default), its rows inserted directly in batches (2,000 students, every
/// assignment, each graded with a real report of its assignment); at each size the assignment page's size and the working
/// set after four TAs open every TA page at once, and at the end the TA home page and an assignment page timed warm at every
/// size side by side (a copy of the database kept at each size, each served by its own service, asked in turn).
/// </summary>
public static class ScaleBenchmark
{
    private const string Token = "bench-token-for-the-ta-pages";
    private const int Students = 2000;
    private const int Timed = 21;

    /// <summary>
    /// Runs the phase at each size (ascending) in <paramref name="folder"/>: the database is grown to each size, its pages' sizes
    /// and the four TAs' memory are measured there, and a copy of it is kept; at the end one service per size (the copies', and
    /// the grown database's) answers, and the pages are timed on all of them in turn, side by side, so that the machine's
    /// moments fall on every size alike.
    /// </summary>
    public static async Task<List<ScaleResult>> RunAsync(string folder, Workload workload, string assignments, IReadOnlyList<int> sizes)
    {
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "grader.db");
        var (app, http) = await StartAsync(folder, database, assignments);
        var copies = new List<(WebApplication App, HttpClient Http)>();
        try
        {
            // One real graded submission per assignment: its report is every inserted row's.
            var ids = new List<long>();
            for (var i = 0; i < workload.Assignments.Count; i++)
            {
                using var response = await http.PostAsync("/api/submissions", new StringContent(workload.AnswerFile(i)));
                ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
            }

            foreach (var id in ids)
            {
                while ((await http.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}")).GetProperty("status").GetString() is "accepted")
                {
                    await Task.Delay(50);
                }
            }

            var templates = Templates(database);
            var assignmentIds = templates.Keys.Order(StringComparer.Ordinal).ToList();
            var pages = new List<string> { "/", "/roster" };
            pages.AddRange(assignmentIds.SelectMany(a => new[] { $"/assignments/{Uri.EscapeDataString(a)}", $"/assignments/{Uri.EscapeDataString(a)}/regrade-requests" }));
            var assignmentPage = $"/assignments/{Uri.EscapeDataString(assignmentIds[0])}";
            var grown = new List<(int Size, double StandingsComputedMs, double Bytes, double PeakMB, double AfterMB, double FourTas)>();
            var inserted = ids.Count;
            foreach (var size in sizes)
            {
                var watch = Stopwatch.StartNew();
                Insert(database, templates, assignmentIds, inserted, size - inserted);
                inserted = Math.Max(inserted, size);
                Console.Error.WriteLine($"scale: {size:N0} submissions inserted in {watch.Elapsed.TotalSeconds:0.0} s");

                // The inserted rows bypassed the grading path: their standings are computed in full, as when a database of the previous release upgrades.
                var standings = app.Services.GetRequiredService<Grader.Worker.Reports.StandingStore>();
                watch.Restart();
                foreach (var a in assignmentIds)
                {
                    await standings.RecomputeAsync(a);
                }

                var computed = watch.Elapsed.TotalMilliseconds;
                await SettleAsync(http, assignmentIds);
                var bytes = Encoding.UTF8.GetByteCount(await http.GetStringAsync(assignmentPage));

                PeakMemory.Settle();
                var peak = new PeakMemory();
                watch.Restart();
                await Task.WhenAll(Enumerable.Range(0, 4).Select(ta => Task.Run(async () =>
                {
                    foreach (var p in pages.Skip(ta).Concat(pages.Take(ta)))
                    {
                        using var response = await http.GetAsync(p);
                        response.EnsureSuccessStatusCode();
                        await response.Content.ReadAsByteArrayAsync();
                    }
                })));
                var fourTas = watch.Elapsed.TotalSeconds;
                var peakBytes = peak.Stop();
                grown.Add((size, computed, bytes, peakBytes / 1048576.0, PeakMemory.ResidentBytes() / 1048576.0, fourTas));
                Console.Error.WriteLine($"scale: {size:N0}: assignment page {bytes / 1024.0:0} KB, four TAs {fourTas:0.00} s, peak {peakBytes / 1048576.0:0} MB");

                if (size != sizes[^1])
                {
                    // A copy of the database at this size, for the pages to be timed on it beside the larger ones at the end.
                    var copy = Path.Combine(folder, $"at-{size}", "grader.db");
                    Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                    using var source = Open(database);
                    using var target = Open(copy);
                    source.BackupDatabase(target);
                }
            }

            // The pages of every size, timed in turn: one service per copy beside the grown database's.
            foreach (var size in sizes.SkipLast(1))
            {
                copies.Add(await StartAsync(Path.Combine(folder, $"at-{size}"), Path.Combine(folder, $"at-{size}", "grader.db"), assignments));
            }

            var clients = copies.Select(c => c.Http).Append(http).ToList();
            foreach (var client in clients)
            {
                await SettleAsync(client, assignmentIds);
            }

            var home = await InTurnAsync(clients, "/");
            var page = await InTurnAsync(clients, assignmentPage);
            return [.. grown.Select((g, i) => new ScaleResult(g.Size, home[i], page[i], g.Bytes / 1024.0, g.StandingsComputedMs, g.PeakMB, g.AfterMB, g.FourTas))];
        }
        finally
        {
            foreach (var (copy, client) in copies.Append((app, http)))
            {
                client.Dispose();
                await copy.StopAsync();
                await copy.DisposeAsync();
            }

            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// Runs the phase in a process of its own (this program again, with <c>--phases scale --scale-out FILE</c>), as a
    /// service runs: in the process of the other phases its pages were timed on the heap those left (after the hostile
    /// phase's 50 MB bodies, every other request took 9-10 ms instead of 6) and its memory counted theirs (785 MB, against
    /// 340 MB alone).
    /// </summary>
    public static async Task<List<ScaleResult>> InChildAsync(BenchOptions options)
    {
        var output = Path.Combine(Path.GetTempPath(), $"grader-bench-scale-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        foreach (var arg in new[] { typeof(ScaleBenchmark).Assembly.Location, "--phases", "scale", "--assignments", options.Assignments,
            "--scale-sizes", string.Join(',', options.ScaleSizes), "--scale-out", output })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var child = Process.Start(start)!;
            await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            if (child.ExitCode != 0 || !File.Exists(output))
            {
                throw new InvalidOperationException($"the scale phase's process ended with exit code {child.ExitCode}");
            }

            return JsonSerializer.Deserialize<List<ScaleResult>>(await File.ReadAllTextAsync(output))!;
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>The table of the phase.</summary>
    public static string Table(IReadOnlyList<ScaleResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| submissions | home `/` (ms) | assignment page (ms) | assignment page (KB) | standings computed once (ms) | 4 TAs, every TA page (s) | peak / after working set (MB) |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Submissions:N0} | {r.HomeMs:0.0} | {r.AssignmentMs:0.0} | {r.AssignmentKB:0} | {r.StandingsComputedMs:0} | {r.FourTasSeconds:0.00} | {r.PeakWorkingSetMB:0} / {r.WorkingSetMB:0} |");
        }

        if (results.Count > 1)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"\nlargest ÷ smallest: home {results[^1].HomeMs / results[0].HomeMs:0.00}×, assignment page {results[^1].AssignmentMs / results[0].AssignmentMs:0.00}× (targets: under 100 ms, at most 1.5×; page under 300 KB; memory under 500 MB)");
        }

        return sb.ToString();
    }

    private static async Task<(WebApplication App, HttpClient Http)> StartAsync(string folder, string database, string assignments)
    {
        var app = GraderService.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grader:DatabasePath"] = database,
            ["Grader:AssignmentsPath"] = assignments,
            ["Grader:InboxPath"] = Path.Combine(folder, "inbox"),
            ["Grader:Url"] = "http://127.0.0.1:0",
            ["Grader:TaToken"] = Token,
            ["Grader:Limits:RequestsPerSecondPerClient"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        return (app, http);
    }

    /// <summary>
    /// Waits (at most a minute) until no assignment's statistics or answer groups are being computed: a large class's are
    /// computed in the background after its standings moved, and would share the cores with the timed requests.
    /// </summary>
    private static async Task SettleAsync(HttpClient http, IEnumerable<string> assignmentIds)
    {
        var watch = Stopwatch.StartNew();
        foreach (var a in assignmentIds)
        {
            while (watch.Elapsed < TimeSpan.FromMinutes(1) && (await http.GetStringAsync($"/assignments/{Uri.EscapeDataString(a)}")) is var html
                && (html.Contains("statistics-pending", StringComparison.Ordinal) || html.Contains("answer-groups-pending", StringComparison.Ordinal)))
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>
    /// The median time of <paramref name="path"/> on each service, the services asked in turn (each round starting at the
    /// next one), so that a slow moment of the machine (seen to hold a page at 10-15 ms for several requests in a row) falls
    /// on every size alike instead of on whichever size was being timed then.
    /// </summary>
    private static async Task<double[]> InTurnAsync(IReadOnlyList<HttpClient> clients, string path)
    {
        // Warm until the runtime compiles nothing new: the page's code reaches its optimised tier in the background (after
        // 30 calls, then again after its profile), and sizes timed one after another found the first one timed while that
        // ran on the same two cores (8-12 ms at 2,000, then 5-6 ms at 20,000 and 60,000). At least 40 requests on each
        // service; then rounds of 10 on each until a round and its pauses leave the count of compiled methods as it was.
        for (var i = 0; i < 40; i++)
        {
            foreach (var http in clients)
            {
                (await http.GetAsync(path)).Dispose();
            }
        }

        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var round = 0; round < 15; round++)
        {
            await Task.Delay(300);
            for (var i = 0; i < 10; i++)
            {
                foreach (var http in clients)
                {
                    (await http.GetAsync(path)).Dispose();
                }
            }

            await Task.Delay(300);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                break;
            }

            compiled = now;
        }

        // From a collected heap: the rows inserted and the standings computed before are not the timed page's garbage. A
        // plain full collection, not an aggressive one: that gives the memory back, and every timed request then faulted in
        // new pages (11-13 ms against 6).
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var times = clients.Select(_ => new List<double>()).ToList();
        for (var round = 0; round < Timed; round++)
        {
            for (var k = 0; k < clients.Count; k++)
            {
                var c = (round + k) % clients.Count;
                var watch = Stopwatch.StartNew();
                using var response = await clients[c].GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                times[c].Add(watch.Elapsed.TotalMilliseconds);
                response.EnsureSuccessStatusCode();
            }
        }

        foreach (var t in times)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale: {path}: {string.Join(" ", t.Select(x => x.ToString("0.0", CultureInfo.InvariantCulture)))} ms"));
        }

        return [.. times.Select(t => t.Order().ElementAt(t.Count / 2))];
    }

    private sealed record Template(long VersionId, double MaxScore, string ReportJson);

    private static Dictionary<string, Template> Templates(string database)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s."AssignmentId", g."AssignmentVersionId", g."MaxScore", g."ReportJson"
            FROM grades g JOIN submissions s ON s."Id" = g."SubmissionId" WHERE g."IsCurrent" = 1
            """;
        var result = new Dictionary<string, Template>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetString(0)] = new Template(reader.GetInt64(1), reader.GetDouble(2), reader.GetString(3));
        }

        return result;
    }

    /// <summary>Inserts <paramref name="count"/> graded submissions, 5,000 to a transaction, numbered on from <paramref name="start"/>.</summary>
    private static void Insert(string database, Dictionary<string, Template> templates, List<string> assignmentIds, int start, int count)
    {
        using var connection = Open(database);
        var origin = DateTime.UtcNow.AddDays(-30);
        var random = new Random(start);
        for (var done = 0; done < count;)
        {
            using var tx = connection.BeginTransaction();
            using var submission = connection.CreateCommand();
            submission.Transaction = tx;
            submission.CommandText = """
                INSERT INTO submissions ("ReceivedAt", "Content", "ContentHash", "Source", "AssignmentId", "Student", "AssignmentVersionId", "Status", "Generation", "ReceiptToken")
                VALUES ($at, X'00', $hash, 'api', $assignment, $student, $version, 'Graded', 0, $receipt) RETURNING "Id"
                """;
            using var grade = connection.CreateCommand();
            grade.Transaction = tx;
            grade.CommandText = """
                INSERT INTO grades ("SubmissionId", "Generation", "AssignmentVersionId", "Score", "MaxScore", "ReportJson", "GradedAt", "IsCurrent")
                VALUES ($id, 0, $version, $score, $max, $report, $at, 1)
                """;
            for (var batch = 0; batch < 5000 && done < count; batch++, done++)
            {
                var n = start + done;
                var assignment = assignmentIds[n % assignmentIds.Count];
                var t = templates[assignment];
                var at = origin.AddSeconds(n * 10);
                submission.Parameters.Clear();
                submission.Parameters.AddWithValue("$at", at);
                submission.Parameters.AddWithValue("$hash", $"scale-{n}");
                submission.Parameters.AddWithValue("$assignment", assignment);
                submission.Parameters.AddWithValue("$student", $"student-{n / assignmentIds.Count % Students}");
                submission.Parameters.AddWithValue("$version", t.VersionId);
                submission.Parameters.AddWithValue("$receipt", $"scale-{n}-{Guid.NewGuid():N}");
                var id = (long)submission.ExecuteScalar()!;
                grade.Parameters.Clear();
                grade.Parameters.AddWithValue("$id", id);
                grade.Parameters.AddWithValue("$version", t.VersionId);
                grade.Parameters.AddWithValue("$score", Math.Round(random.NextDouble() * t.MaxScore, 2));
                grade.Parameters.AddWithValue("$max", t.MaxScore);
                grade.Parameters.AddWithValue("$report", t.ReportJson);
                grade.Parameters.AddWithValue("$at", at.AddSeconds(1));
                grade.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, DefaultTimeout = 60 }.ToString());
        connection.Open();
        return connection;
    }
}
