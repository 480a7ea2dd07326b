using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Grader.Worker.Tests.Service;

/// <summary>
/// Intake applies the course rules by receipt time: due date and late window, the attempt limit,
/// extensions (granted with the extension verb).
/// </summary>
[Collection("service")]
public class PolicyIntakeTests
{
    [Fact]
    public async Task Due_date_late_window_attempts_and_an_extension_decide_at_receipt()
    {
        var clock = new TestClock();
        await using var service = await TestService.StartAsync(clock: clock);
        var due = new DateTimeOffset(clock.Now.UtcDateTime.Date.AddDays(2).AddHours(17), TimeSpan.Zero);
        await PolicyAsync(service, due, "late: { until: " + Iso(due.AddDays(2)) + ", penalty: 10% per day }\nattempts: 2\n");
        clock.Stopped = true; // each receipt exactly where the clock is set, however slow the machine

        clock.Now = due.AddSeconds(-1);
        var (s1, b1) = await PostAsync(service, "a");
        Assert.Equal(202, s1);
        clock.Now = due.AddSeconds(1);
        var (s2, _) = await PostAsync(service, "a");
        Assert.Equal(202, s2);
        var (s3, b3) = await PostAsync(service, "a");
        Assert.Equal(400, s3);
        Assert.Equal("no attempts left: this would be attempt 3, and 2 are allowed (2 used)", b3.GetProperty("error").GetString());

        clock.Now = due.AddDays(2).AddSeconds(1);
        var (s4, b4) = await PostAsync(service, "b");
        Assert.Equal(400, s4);
        Assert.StartsWith("submissions are closed: the late window closed at", b4.GetProperty("error").GetString());

        var (exit, output, error) = await Task.Run(() => Cli.Cli.Run("extension", "b", "tanh-network", "--due", Iso(due.AddDays(1)), "--by", "ta-jo",
            "--server", service.Http.BaseAddress!.ToString(), "--token", TestService.TaToken));
        Assert.True(exit == 0, output + error);
        var (s5, _) = await PostAsync(service, "b");
        Assert.Equal(202, s5);
        var listed = await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/tanh-network/extensions");
        Assert.Equal("ta-jo", listed[0].GetProperty("grantedBy").GetString());

        // An earlier submission graded now still counts as received on time.
        await service.WaitForAsync([b1.GetProperty("id").GetInt64()]);
    }

    [Fact]
    public async Task Before_opens_and_an_unparseable_extension_are_refused_with_the_reason()
    {
        var clock = new TestClock();
        await using var service = await TestService.StartAsync(clock: clock);
        var opens = clock.Now.AddHours(1);
        await PolicyAsync(service, opens.AddDays(7), $"opens: {Iso(opens)}\n");
        var (status, body) = await PostAsync(service, "a");
        Assert.Equal(400, status);
        Assert.StartsWith("this assignment opens at", body.GetProperty("error").GetString());

        using var bad = await service.Http.PostAsJsonAsync("/api/assignments/tanh-network/extensions", new { student = "a", due = "next week" });
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Contains("ISO 8601", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_gradebook_counts_the_best_or_the_latest_with_its_late_penalty()
    {
        var clock = new TestClock();
        await using var service = await TestService.StartAsync(clock: clock);
        var due = TestClock.WholeSeconds(clock.Now.AddHours(1));
        await PolicyAsync(service, due, $"late: {{ until: {Iso(due.AddDays(3))}, penalty: 10% per day }}\n");
        clock.Stopped = true; // each receipt exactly where the clock is set, however slow the machine

        // On time: the exact key (13 / 13); then, 1 s late, seed 004's solution (9 / 13, 10% off: 8.1).
        var exact = Grader.Domain.Output.AnswerFileYaml.Write("tanh-network", "s",
            Grader.Domain.Assignments.AnswerKeyBuilder.Build(Grader.Domain.Assignments.AssignmentLoader.LoadFile(Path.Combine(service.AssignmentsPath, "tanh-network.yaml")).Assignment!, "s").Answers);
        clock.Now = due.AddSeconds(-1);
        var (_, first) = await service.PostAsync(exact);
        clock.Now = due.AddSeconds(1);
        var seed = (await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"))).Replace("student: seed-004", "student: s");
        var (_, second) = await service.PostAsync(seed);
        await service.WaitForAsync([first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64()]);

        var best = await RowAsync(service);
        Assert.Equal((first.GetProperty("id").GetInt64().ToString(), "13", "0", "13", "2"), (best["submission"], best["raw"], best["penalty"], best["total"], best["attempts"]));

        var file = Path.Combine(service.AssignmentsPath, "tanh-network.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("id: tanh-network\n", "id: tanh-network\ngradebook: latest\n"));
        using (var publish = await service.Http.PostAsync("/api/assignments/publish", null))
        {
            Assert.Equal(200, (int)publish.StatusCode);
        }

        var latest = await RowAsync(service);
        Assert.Equal((second.GetProperty("id").GetInt64().ToString(), "9", "0.9", "8.1"), (latest["submission"], latest["raw"], latest["penalty"], latest["total"]));
        Assert.Equal("0", latest["late_hours"]);  // 1 s, to two decimals

        var page = await service.Http.GetStringAsync("/assignments/tanh-network");
        Assert.Contains(Grader.Worker.Pages.Shared.Format.T(due.UtcDateTime), page);
        Assert.Contains("1 late submission(s); at most 2 attempt(s) by one student", page);
    }

    internal static async Task<Dictionary<string, string>> RowAsync(TestService service)
    {
        var lines = (await service.Http.GetStringAsync("/assignments/tanh-network/gradebook.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        return lines[0].Split(',').Zip(lines[1].Split(',')).ToDictionary(p => p.First, p => p.Second);
    }

    internal static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "Z";

    internal static async Task PolicyAsync(TestService service, DateTimeOffset due, string more)
    {
        var file = Path.Combine(service.AssignmentsPath, "tanh-network.yaml");
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text.Replace("id: tanh-network\n", $"id: tanh-network\ndue: {Iso(due)}\n{more}"));
        using var publish = await service.Http.PostAsync("/api/assignments/publish", null);
        Assert.Equal(200, (int)publish.StatusCode);
    }

    internal static async Task<(int Status, JsonElement Body)> PostAsync(TestService service, string student, string answers = "{forward: 0.313}") =>
        await service.PostAsync($"assignment: tanh-network\nstudent: {student}\nanswers: {answers}\n");
}
