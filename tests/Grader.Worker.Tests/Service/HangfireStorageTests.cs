using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Grader.Worker.Grading;
using Grader.Worker.Host;

namespace Grader.Worker.Tests.Service;

/// <summary>
/// Hangfire keeps a process-wide JobStorage.Current and JobActivator.Current; each service must
/// use its own queue and build its jobs from its own services, or two services started together
/// in one process enqueue into each other's queues or grade from each other's databases (seen as
/// submissions that were never graded while the test suite ran many services at once).
/// </summary>
public class HangfireStorageTests
{
    [Fact]
    public async Task Services_started_together_in_one_process_each_grade_their_own_submissions_from_their_own_queue()
    {
        // Their queues carry what intake does not grade itself (GradeAtIntakeTests): here, everything.
        var services = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => TestService.StartAsync(settings: new Dictionary<string, string?> { ["Grader:GradeAtIntake"] = "false" })));
        try
        {
            var storages = services.Select(s => s.Services.GetRequiredService<JobStorage>()).ToList();
            Assert.Equal(storages.Count, storages.Distinct(ReferenceEqualityComparer.Instance).Count());
            var activators = services.Select(s => s.Services.GetRequiredService<JobActivator>()).ToList();
            Assert.Equal(activators.Count, activators.Distinct(ReferenceEqualityComparer.Instance).Count());

            var file = await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"));
            await Task.WhenAll(services.Select(async service =>
            {
                var (status, body) = await service.PostAsync(file);
                Assert.Equal(202, status);
                var id = body.GetProperty("id").GetInt64();
                var graded = await service.WaitForAsync([id], seconds: 60);

                // Seed 004's worked solution scores 9 of 13 (its two gradients are transposed: SeedAnswerTests).
                Assert.Equal(9, graded[id].GetProperty("score").GetDouble());
            }));
        }
        finally
        {
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_service_builds_its_jobs_from_its_own_services_even_when_another_configured_Hangfire_after_it()
    {
        // Hangfire sets a process-wide JobActivator.Current when a host configures it; a host that
        // took that global would build its grading jobs from the host configured last.
        using var dirA = new TempDir();
        using var dirB = new TempDir();
        await using var a = GraderService.Build([], b => b.Configuration.AddInMemoryCollection(Settings(dirA)));
        await using var b = GraderService.Build([], b => b.Configuration.AddInMemoryCollection(Settings(dirB)));
        a.Services.GetRequiredService<IGlobalConfiguration>();
        b.Services.GetRequiredService<IGlobalConfiguration>();

        foreach (var app in new[] { a, b })
        {
            using var scope = app.Services.GetRequiredService<JobActivator>().BeginScope((JobActivatorContext)null!);
            Assert.Same(app.Services.GetRequiredService<AnswerKeys>(), scope.Resolve(typeof(AnswerKeys)));
        }
    }

    private static Dictionary<string, string?> Settings(TempDir dir) => new()
    {
        ["Grader:DatabasePath"] = Path.Combine(dir.Path, "grader.db"),
        ["Grader:AssignmentsPath"] = Repo.Assignments,
        ["Grader:InboxPath"] = Path.Combine(dir.Path, "inbox"),
        ["Grader:TaToken"] = TestService.TaToken,
    };
}
