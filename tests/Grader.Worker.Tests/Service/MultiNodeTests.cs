using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Data;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Grader.Worker.Tests.Service;

[Collection("service")]
public class MultiNodeTests
{
    private const int Total = 2000;

    private static readonly string[] Assignments = ["tanh-network", "relu-network", "sin-network", "residual-block", "cnn-layer", "svm-random", "backprop-examples"];

    [PostgresFact]
    public async Task Two_nodes_on_PostgreSQL_grade_every_submission_exactly_once_with_the_right_score_when_one_is_killed_mid_stream_and_restarted()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("grader");
        var environment = new Dictionary<string, string>
        {
            ["Grader__Database__Provider"] = "postgres",
            ["Grader__Database__ConnectionString"] = connectionString,
        };
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        var files = Enumerable.Range(0, Total).Select(i => AnswerFiles.For(Assignments[i % Assignments.Length], $"node-{i}", i)).ToArray();
        var expected = files.Select(AnswerFiles.ExpectedScore).ToArray();

        var nodes = new ChildService[2];
        nodes[0] = await ChildService.StartAsync(dirA, environment: environment);
        nodes[1] = await ChildService.StartAsync(dirB, environment: environment);
        var portB = nodes[1].Port;
        try
        {
            var accepted = new ConcurrentDictionary<long, int>();
            var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var killed = 0;
            var senders = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
            {
                for (var i = worker; i < Total; i += 8)
                {
                    // Even files go to node A, odd ones to node B; a post B never answered is sent again once B is back.
                    while (true)
                    {
                        var node = nodes[i % 2];
                        try
                        {
                            using var response = await node.Http.PostAsync("/api/submissions", new StringContent(files[i]));
                            Assert.Equal(202, (int)response.StatusCode);
                            accepted[(await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64()] = i;
                            break;
                        }
                        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && i % 2 == 1)
                        {
                            await restarted.Task;
                        }
                    }

                    if (accepted.Count >= Total / 3 && Interlocked.Exchange(ref killed, 1) == 0)
                    {
                        nodes[1].Kill(); // SIGKILL mid-stream: B's in-flight posts and jobs die with it
                        nodes[1].Dispose();
                        nodes[1] = await ChildService.StartAsync(dirB, portB, environment);
                        restarted.SetResult();
                    }
                }
            })).ToList();
            await Task.WhenAll(senders);
            Assert.True(restarted.Task.IsCompleted, "node B was killed and restarted");
            Assert.Equal(Total, accepted.Count);
            Assert.Equal(Total, accepted.Values.Distinct().Count());

            var options = PostgresDatabase.Configure(new DbContextOptionsBuilder<GraderDbContext>(), connectionString).Options;
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                await using var db = new GraderDbContext(options);
                var ungraded = await db.Submissions.CountAsync(s => s.Status != SubmissionStatus.Rejected && !s.Grades.Any(g => g.Generation == s.Generation));
                if (ungraded == 0)
                {
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"{ungraded} submissions still not graded; node B: {nodes[1].Output}");
                await Task.Delay(250);
            }

            await using (var db = new GraderDbContext(options))
            {
                var stored = await db.Submissions.AsNoTracking()
                    .Select(s => new { s.Id, s.Status, s.Content, Grades = s.Grades.Select(g => g.Score).ToList() })
                    .ToListAsync();
                foreach (var (id, index) in accepted)
                {
                    var s = Assert.Single(stored, x => x.Id == id);
                    Assert.Equal(SubmissionStatus.Graded, s.Status);
                    Assert.Equal(expected[index], Assert.Single(s.Grades), 9);
                }

                // Anything stored, even a post whose 202 died with node B, is graded exactly once, with its file's score.
                Assert.All(stored, s =>
                {
                    Assert.Equal(SubmissionStatus.Graded, s.Status);
                    Assert.Equal(AnswerFiles.ExpectedScore(System.Text.Encoding.UTF8.GetString(s.Content)), Assert.Single(s.Grades), 9);
                });
                Assert.Equal(stored.Count, await db.Grades.CountAsync());
            }
        }
        finally
        {
            nodes[0].Dispose();
            nodes[1].Dispose();
        }
    }

    [PostgresFact]
    public async Task A_submission_a_dead_node_committed_but_never_queued_is_graded_by_a_running_node_without_a_restart()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("grader");
        await using var service = await TestService.StartAsync(configure: b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grader:Database:Provider"] = "postgres",
            ["Grader:Database:ConnectionString"] = connectionString,
            ["Grader:OrphanSweep"] = "*/2 * * * * *",
        }));

        // What a node killed within its queue's linger leaves behind: a committed submission no job covers.
        var id = await service.CommitUnqueuedAsync("orphan");

        var graded = await service.WaitForAsync([id], seconds: 60);
        // Seed 004's worked solution scores 9 of 13 (its two gradients are transposed: SeedAnswerTests).
        Assert.Equal(9, graded[id].GetProperty("score").GetDouble());
        await using var read = service.Db();
        Assert.Equal(1, await read.Grades.CountAsync(g => g.SubmissionId == id));
    }
}
