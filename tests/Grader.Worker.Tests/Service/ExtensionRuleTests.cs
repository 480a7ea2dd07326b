using System.Net.Http.Json;
using System.Text.Json;

namespace Grader.Worker.Tests.Service;

/// <summary>
/// An extension only gives more time: one not later than the assignment's due date is refused
/// (API and verb) with both dates, and a student's graded submission keeps counting.
/// </summary>
[Collection("service")]
public class ExtensionRuleTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);

    private const string Late = "late: { until: 2026-12-04T17:00:00Z, penalty: 10% per day }\n";

    [Theory]
    [InlineData("2026-11-01", "the extension's due date 2026-11-01 23:59:59 +00:00 is not later than the assignment's due date 2026-12-01 17:00:00 +00:00")] // the QA walk's typo; a date alone is the end of that day
    [InlineData("2026-12-01T17:00Z", "the extension's due date 2026-12-01 17:00:00 +00:00 is not later than the assignment's due date 2026-12-01 17:00:00 +00:00")] // the due date itself
    [InlineData("2026-12-01T17:59:59+01:00", "the extension's due date 2026-12-01 16:59:59 +00:00 is not later than the assignment's due date 2026-12-01 17:00:00 +00:00")] // a second before it, in another offset
    public async Task An_extension_not_later_than_the_due_date_is_400_naming_both_and_the_graded_submission_still_counts(string due, string error)
    {
        var clock = new TestClock { Now = Due.AddDays(-1) };
        await using var service = await TestService.StartAsync(clock: clock);
        await PolicyIntakeTests.PolicyAsync(service, Due, Late);
        clock.Stopped = true;
        var id = await SubmitSeed004Async(service, "dan");

        using (var response = await service.Http.PostAsJsonAsync("/api/assignments/tanh-network/extensions", new { student = "dan", due }))
        {
            Assert.Equal(400, (int)response.StatusCode);
            Assert.Equal(error + ": an extension can only give more time", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }

        Assert.Equal(0, (await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/tanh-network/extensions")).GetArrayLength());
        var row = await PolicyIntakeTests.RowAsync(service);
        Assert.Equal((id.ToString(), "9", "0", "9", "1"), (row["submission"], row["raw"], row["penalty"], row["total"], row["attempts"]));

        var (exit, output, stderr) = await Task.Run(() => Cli.Cli.Run("extension", "dan", "tanh-network", "--due", due, "--server", service.Http.BaseAddress!.ToString(), "--token", TestService.TaToken));
        Assert.True(exit == 1, $"{exit} {output} {stderr}");
        Assert.Contains("extension refused (400): " + error, stderr);
    }

    [Fact]
    public async Task An_assignment_without_a_due_date_takes_no_extension()
    {
        await using var service = await TestService.StartAsync();
        using var response = await service.Http.PostAsJsonAsync("/api/assignments/tanh-network/extensions", new { student = "dan", due = "2026-12-08T17:00Z" });
        Assert.Equal(400, (int)response.StatusCode);
        Assert.StartsWith("this assignment has no due date", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    private static async Task<long> SubmitSeed004Async(TestService service, string student)
    {
        // Seed 004's solution: 9 of 13 (grad-W0 and grad-W1 transposed, mlp-params missing).
        var seed = (await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"))).Replace("student: seed-004", $"student: {student}");
        var (status, body) = await service.PostAsync(seed);
        Assert.Equal(202, status);
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);
        return id;
    }
}

