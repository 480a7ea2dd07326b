using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Data;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Tests.Service;

[Collection("service")]
public class CrashTests
{
    [Fact]
    public async Task Killed_mid_stream_then_restarted_every_accepted_submission_ends_with_exactly_one_grade()
    {
        using var dir = new TempDir();
        var accepted = new ConcurrentBag<long>();
        using (var first = await ChildService.StartAsync(dir))
        {
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested && i < 200; i++)
                {
                    try
                    {
                        var text = AnswerFiles.For("tanh-network", $"w{worker}-{i}", (worker * 1000) + i);
                        using var response = await first.Http.PostAsync("/api/submissions", new StringContent(text));
                        if ((int)response.StatusCode == 202)
                        {
                            accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return; // the service is gone
                    }
                }
            })).ToList();

            while (accepted.Count < 150)
            {
                await Task.Delay(20);
            }

            first.Kill();
            stop.Cancel();
            await Task.WhenAll(senders);
        }

        using var second = await ChildService.StartAsync(dir);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var options = SqliteDatabase.Configure(new DbContextOptionsBuilder<GraderDbContext>(), Path.Combine(dir.Path, "grader.db")).Options;
        while (true)
        {
            await using var db = new GraderDbContext(options);
            var pending = await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Accepted);
            if (pending == 0)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{pending} accepted submissions still not graded after restart");
            await Task.Delay(200);
        }

        await using (var db = new GraderDbContext(options))
        {
            var stored = await db.Submissions.Select(s => new { s.Id, s.Status, Grades = s.Grades.Count }).ToListAsync();
            foreach (var id in accepted)
            {
                var s = Assert.Single(stored, x => x.Id == id);
                Assert.Equal(SubmissionStatus.Graded, s.Status);
                Assert.Equal(1, s.Grades);
            }

            // Anything stored (even without its 202 reaching the client) is graded exactly once.
            Assert.All(stored, s => Assert.Equal(1, s.Grades));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task SIGTERM_stops_the_service_cleanly_and_nothing_is_lost()
    {
        using var dir = new TempDir();
        var ids = new List<long>();
        using (var service = await ChildService.StartAsync(dir))
        {
            for (var i = 0; i < 20; i++)
            {
                using var response = await service.Http.PostAsync("/api/submissions", new StringContent(AnswerFiles.For("relu-network", $"s{i}", i)));
                ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
            }

            Assert.Equal(0, await service.TerminateAsync());
        }

        using var again = await ChildService.StartAsync(dir);
        foreach (var id in ids)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await again.Http.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}")).GetProperty("status").GetString() != "graded")
            {
                Assert.True(DateTime.UtcNow < deadline, $"submission {id} not graded");
                await Task.Delay(100);
            }
        }
    }
}
