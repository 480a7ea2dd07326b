using System.Net.Http.Json;
using System.Text.Json;

namespace Grader.Worker.Tests.Service;

/// <summary>
/// An extension only gives more time: one not later than the assignment's due date is refused
/// (API and verb) with both dates, and a student's graded submission keeps counting; an extension
/// can be taken back (<c>DELETE</c>, <c>extension --remove</c>), which recomputes the student's
/// stored standing as granting one does.
/// </summary>
[Collection("service")]
public class ExtensionRuleTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);

    private const string Late = "late: { until: 2026-12-04T17:00:00Z, penalty: 10% per day }\n";

    /// <summary>An attacker's try: a due date at the calendar's end overflowed when the late window was added (a 500); now a 400 naming the years.</summary>
    [Theory]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("9999-12-31T00:00Z")]
    public async Task An_extension_past_the_years_a_course_may_name_is_400(string due)
    {
        await using var service = await TestService.StartAsync();
        await PolicyIntakeTests.PolicyAsync(service, Due, Late);
        using var response = await service.Http.PostAsJsonAsync("/api/assignments/tanh-network/extensions", new { student = "dan", due });
        Assert.Equal(400, (int)response.StatusCode);
        Assert.StartsWith("due must be in the years 1900 to 9000", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(0, (await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/tanh-network/extensions")).GetArrayLength());
    }

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

    [Fact]
    public async Task Taking_an_extension_back_makes_the_student_late_again_in_the_stored_standing()
    {
        // Due 1 Dec 17:00, late until 4 Dec at 10% per day; dan's extension to 3 Dec 17:00, and his submission on 2 Dec 12:00.
        var clock = new TestClock { Now = Due.AddHours(19) };
        await using var service = await TestService.StartAsync(clock: clock);
        await PolicyIntakeTests.PolicyAsync(service, Due, Late);
        clock.Stopped = true;
        using (var granted = await service.Http.PostAsJsonAsync("/api/assignments/tanh-network/extensions", new { student = "dan", due = "2026-12-03T17:00Z" }))
        {
            Assert.Equal(200, (int)granted.StatusCode);
        }

        var id = await SubmitSeed004Async(service, "dan");
        var row = await PolicyIntakeTests.RowAsync(service);
        Assert.Equal((id.ToString(), "9", "0", "9", "0"), (row["submission"], row["raw"], row["penalty"], row["total"], row["late_hours"]));

        // Taken back with the verb: 19 hours late, one part of a day, 10% of 9 off.
        var server = service.Http.BaseAddress!.ToString();
        var (exit, output, error) = await Task.Run(() => Cli.Cli.Run("extension", "dan", "tanh-network", "--remove", "--server", server, "--token", TestService.TaToken));
        Assert.True(exit == 0, $"{exit} {output} {error}");
        Assert.Contains("\"removed\":true", output);
        row = await PolicyIntakeTests.RowAsync(service);
        Assert.Equal((id.ToString(), "9", "0.9", "8.1", "19"), (row["submission"], row["raw"], row["penalty"], row["total"], row["late_hours"]));
        Assert.Equal(0, (await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/tanh-network/extensions")).GetArrayLength());

        // An id with a '/' (an attacker's try: %2F in the path was never decoded, so it could not be taken back).
        await Students.ClassList.ImportAsync(service, "student\nx/y\n");
        using (var slash = await service.Http.PostAsJsonAsync("/api/assignments/tanh-network/extensions", new { student = "x/y", due = "2026-12-03T17:00Z" }))
        {
            Assert.Equal(200, (int)slash.StatusCode);
        }

        using (var removed = await service.Http.DeleteAsync("/api/assignments/tanh-network/extensions/x%2Fy"))
        {
            Assert.Equal(200, (int)removed.StatusCode);
        }

        // Nothing left to take back, an unknown assignment, no credential, --due with --remove.
        await AssertRefusedAsync(service.Http, "/api/assignments/tanh-network/extensions/dan", 404, "student 'dan' has no extension for 'tanh-network'");
        await AssertRefusedAsync(service.Http, "/api/assignments/nope/extensions/dan", 404, "unknown assignment 'nope'");
        using var anonymous = new HttpClient { BaseAddress = service.Http.BaseAddress };
        await AssertRefusedAsync(anonymous, "/api/assignments/tanh-network/extensions/dan", 401, "TA token");
        (exit, _, error) = await Task.Run(() => Cli.Cli.Run("extension", "dan", "tanh-network", "--remove", "--server", server, "--token", TestService.TaToken));
        Assert.Equal(1, exit);
        Assert.Contains("extension not removed (404): student 'dan' has no extension for 'tanh-network'", error);
        (exit, _, error) = await Task.Run(() => Cli.Cli.Run("extension", "dan", "tanh-network", "--remove", "--due", "2026-12-03T17:00Z", "--server", server, "--token", TestService.TaToken));
        Assert.Equal(1, exit);
        Assert.Contains("give --due DATE to grant an extension, or --remove to take it back", error);
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

    private static async Task AssertRefusedAsync(HttpClient http, string path, int status, string error)
    {
        using var response = await http.DeleteAsync(path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(error, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }
}
