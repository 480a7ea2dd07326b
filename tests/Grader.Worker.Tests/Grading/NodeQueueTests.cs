using Grader.Data.Entities;
using Grader.Worker.Grading;
using Grader.Worker.Tests.Service;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests.Grading;

[Collection("service")]
public sealed class NodeQueueTests
{
    [Fact]
    public void One_node_uses_the_shared_queue()
    {
        var queue = NodeQueue.For(severalNodes: false);

        Assert.Equal("default", queue.Name);
        Assert.True(queue.IsShared);
        Assert.Equal(["default"], queue.Served);
    }

    [Fact]
    public void Each_node_on_PostgreSQL_has_a_queue_of_its_own_taken_before_the_shared_one()
    {
        var a = NodeQueue.For(severalNodes: true);
        var b = NodeQueue.For(severalNodes: true);

        Assert.Matches("^node-[0-9a-f]{12}$", a.Name); // Hangfire's rule: lower-case letters, digits, '-' and '_'
        Assert.NotEqual(a.Name, b.Name);
        Assert.Equal([a.Name, "default"], a.Served);
        Assert.True(NodeQueue.IsNodeQueue(a.Name));
        Assert.False(NodeQueue.IsNodeQueue("default"));
    }

    [PostgresFact]
    public async Task Intake_queues_its_job_in_the_receiving_nodes_own_queue()
    {
        // Intake queues a job when it does not grade the submission itself (GradeAtIntakeTests).
        await using var postgres = await PostgresServer.StartAsync();
        await using var service = await StartAsync(await postgres.CreateDatabaseAsync("grader"), gradeAtIntake: false);
        var (status, body) = await service.PostAsync(await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml")));
        Assert.Equal(202, status);
        await service.WaitForAsync([body.GetProperty("id").GetInt64()], seconds: 60);

        var own = service.Services.GetRequiredService<NodeQueue>().Name;
        var monitor = service.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        // The grade is stored before Hangfire records the job as succeeded: wait for that too. The
        // orphan sweep (every 2 s here) may also have queued the submission, in the shared queue, in
        // the moment between its commit and intake's job; intake's own job is the one that counts.
        string[] Queues() => [.. monitor.SucceededJobs(0, 10).Where(j => j.Value.Job?.Type == typeof(GradeSubmissionsJob))
            .Select(j => monitor.JobDetails(j.Key).History.Last(h => h.StateName == EnqueuedState.StateName).Data["Queue"])]; // its first queue (the history is newest first)
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Queues().Contains(own) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains(own, Queues());
        Assert.All(Queues(), q => Assert.Contains(q, new[] { own, NodeQueue.Shared }));
    }

    [PostgresFact]
    public async Task A_job_left_in_the_queue_of_a_node_that_died_is_moved_to_the_shared_queue_and_graded()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var service = await StartAsync(await postgres.CreateDatabaseAsync("grader"));

        // What a node killed right after queuing leaves behind: a committed submission whose job waits in that node's own queue.
        var id = await service.CommitUnqueuedAsync("dead-node");

        var storage = service.Services.GetRequiredService<JobStorage>();
        new BackgroundJobClient(storage).Create(Job.FromExpression<GradeSubmissionsJob>(job => job.GradeAsync(new[] { id })), new EnqueuedState("node-0123456789ab"));

        var graded = await service.WaitForAsync([id], seconds: 60);
        Assert.Equal(9, graded[id].GetProperty("score").GetDouble()); // seed 004's worked solution: 9 of 13 (SeedAnswerTests)

        // The sweep may also have found the submission itself, as an orphan, in the moment between its
        // commit and its job's creation, and graded it first; the dead queue is emptied either way.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (storage.GetMonitoringApi().Queues().Any(q => q.Name == "node-0123456789ab" && q.Length > 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.DoesNotContain(storage.GetMonitoringApi().Queues(), q => q.Name == "node-0123456789ab" && q.Length > 0);
        await using var db = service.Db();
        Assert.Equal(1, await db.Grades.CountAsync(g => g.SubmissionId == id)); // graded once, whichever job came first
    }

    private static Task<TestService> StartAsync(string connectionString, bool gradeAtIntake = true) =>
        TestService.StartAsync(configure: b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grader:Database:Provider"] = "postgres",
            ["Grader:Database:ConnectionString"] = connectionString,
            ["Grader:OrphanSweep"] = "*/2 * * * * *",
            ["Grader:GradeAtIntake"] = gradeAtIntake ? "true" : "false",
        }));
}
