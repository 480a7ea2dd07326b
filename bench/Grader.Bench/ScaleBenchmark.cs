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
/// assignment, each graded with a real report of its assignment), and at each size the TA home
/// page and an assignment page timed warm, and the working set after four TAs open every TA page at once.
/// </summary>
public static class ScaleBenchmark
{
    private const string Token = "bench-token-for-the-ta-pages";
    private const int Students = 2000;
    private const int Timed = 21;

    /// <summary>Runs the phase at each size (ascending) in <paramref name="folder"/>.</summary>
    public static async Task<List<ScaleResult>> RunAsync(string folder, Workload workload, string assignments, IReadOnlyList<int> sizes)
    {
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "grader.db");
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
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);

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
            var results = new List<ScaleResult>();
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

                var assignmentPage = $"/assignments/{Uri.EscapeDataString(assignmentIds[0])}";

                // Warm: a large class's statistics and answer groups are computed in the background after its standings moved;
                // wait for every assignment's (at most a minute), so that no other assignment's computation shares the cores with
                // the timed requests (waiting for the timed page's alone left the others' running: 60,000 then timed 1.3-1.9x 2,000).
                var settleWatch = Stopwatch.StartNew();
                foreach (var a in assignmentIds)
                {
                    while (settleWatch.Elapsed < TimeSpan.FromMinutes(1) && (await http.GetStringAsync($"/assignments/{Uri.EscapeDataString(a)}")) is var html
                        && (html.Contains("statistics-pending", StringComparison.Ordinal) || html.Contains("answer-groups-pending", StringComparison.Ordinal)))
                    {
                        await Task.Delay(200);
                    }
                }

                var home = await MedianAsync(http, "/");
                var page = await MedianAsync(http, assignmentPage);
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
                results.Add(new ScaleResult(size, home, page, bytes / 1024.0, computed, peakBytes / 1048576.0, PeakMemory.ResidentBytes() / 1048576.0, fourTas));
                Console.Error.WriteLine($"scale: {size:N0}: home {home:0.0} ms, assignment {page:0.0} ms ({bytes / 1024.0:0} KB)");
            }

            return results;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
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

    private static async Task<double> MedianAsync(HttpClient http, string path)
    {
        // Warm: enough requests for the page's code to reach its optimised tier (the runtime recompiles a
        // method after 30 calls, in the background), so the first size is not timed on slower code.
        for (var i = 0; i < 40; i++)
        {
            (await http.GetAsync(path)).Dispose();
        }

        await Task.Delay(500);

        var times = new List<double>();
        for (var i = 0; i < Timed; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        return times.Order().ElementAt(times.Count / 2);
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
