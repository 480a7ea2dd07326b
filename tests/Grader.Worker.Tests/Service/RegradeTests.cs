using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Tests.Service;

[Collection("service")]
public class RegradeTests
{
    [Fact]
    public async Task A_regrade_after_the_key_changes_updates_every_grade_and_keeps_the_old_ones()
    {
        await using var service = await TestService.StartAsync();
        var seed = await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"));
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var (_, body) = await service.PostAsync(seed.Replace("student: seed-004", $"student: s{i}"));
            ids.Add(body.GetProperty("id").GetInt64());
        }

        var before = await service.WaitForAsync(ids);
        Assert.All(before.Values, s => Assert.Equal(10, s.GetProperty("score").GetDouble()));

        // The instructor changes the target: y = 0.5 becomes 0.6, so every gradient changes.
        var file = Path.Combine(service.AssignmentsPath, "tanh-network.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("  y: 0.5", "  y: 0.6"));
        using var response = await service.Http.PostAsync("/api/assignments/tanh-network/regrade", null);
        Assert.Equal(202, (int)response.StatusCode);
        Assert.Equal(5, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("queued").GetInt32());

        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var id in ids)
        {
            JsonElement s;
            while ((s = await service.GetAsync(id)).GetProperty("history").GetArrayLength() < 2 || s.GetProperty("status").GetString() != "graded")
            {
                Assert.True(DateTime.UtcNow < deadline);
                await Task.Delay(100);
            }

            var history = s.GetProperty("history").EnumerateArray().ToList();
            Assert.False(history[0].GetProperty("current").GetBoolean());
            Assert.Equal(10, history[0].GetProperty("score").GetDouble());
            Assert.True(history[1].GetProperty("current").GetBoolean());
            Assert.True(s.GetProperty("score").GetDouble() < 10, "the seed's gradients are wrong once y changes");
        }

        await using var db = service.Db();
        Assert.Equal(10, await db.Grades.CountAsync());
        Assert.Equal(5, await db.Grades.CountAsync(g => g.IsCurrent));
        Assert.Equal(2, await db.AssignmentVersions.CountAsync(v => v.AssignmentId == "tanh-network"));
    }

    [Fact]
    public async Task Regrading_an_unknown_assignment_is_404()
    {
        await using var service = await TestService.StartAsync();
        using var response = await service.Http.PostAsync("/api/assignments/nope/regrade", null);
        Assert.Equal(404, (int)response.StatusCode);
    }
}
