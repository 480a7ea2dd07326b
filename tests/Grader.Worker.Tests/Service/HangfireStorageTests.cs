using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests.Service;

/// <summary>
/// Hangfire keeps a process-wide JobStorage.Current; each service must use its own queue, or two
/// services started together in one process enqueue into each other's (seen as submissions that
/// were never graded while the test suite ran many services at once).
/// </summary>
public class HangfireStorageTests
{
    [Fact]
    public async Task Services_started_together_in_one_process_each_grade_their_own_submissions_from_their_own_queue()
    {
        var services = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => TestService.StartAsync()));
        try
        {
            var storages = services.Select(s => s.Services.GetRequiredService<JobStorage>()).ToList();
            Assert.Equal(storages.Count, storages.Distinct(ReferenceEqualityComparer.Instance).Count());

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
}
