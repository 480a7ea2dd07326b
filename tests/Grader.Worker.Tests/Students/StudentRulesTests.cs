using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Students;

/// <summary>
/// The student's rules and standing in the JSON handout (<c>GET /api/me/assignments/{id}</c>):
/// dates with the course's offset, attempts, the penalty of the next submission, and per
/// submission the raw score, the penalty and the counted score, as the gradebook counts them.
/// </summary>
[Collection("service")]
public class StudentRulesTests
{
    [Fact]
    public async Task The_JSON_handout_carries_the_rules_attempts_next_penalty_and_counted_scores()
    {
        var clock = new TestClock();
        await using var service = await TestService.StartAsync(clock: clock, settings: new Dictionary<string, string?> { ["Grader:TimeZone"] = "Europe/Berlin" });
        var due = new DateTimeOffset(clock.Now.UtcDateTime.Date.AddDays(2).AddHours(17), TimeSpan.Zero);
        await PolicyIntakeTests.PolicyAsync(service, due, "late: { until: " + PolicyIntakeTests.Iso(due.AddDays(2)) + ", penalty: 10% per day }\nattempts: { max: 3, penalty: 10% }\n");
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        using var ada = ClassList.Client(service, tokens["ada"]);
        clock.Stopped = true;

        var before = await ada.GetFromJsonAsync<JsonElement>("/api/me/assignments/tanh-network");
        var rules = before.GetProperty("rules");
        Assert.Equal(Berlin(due), rules.GetProperty("due").GetString());
        Assert.Equal(Berlin(due.AddDays(2)), rules.GetProperty("lateUntil").GetString());
        Assert.Equal("10% per day", rules.GetProperty("latePenalty").GetString());
        Assert.Equal(0, rules.GetProperty("attemptsUsed").GetInt32());
        Assert.Equal(3, rules.GetProperty("attemptsMax").GetInt32());
        Assert.Equal("0%", rules.GetProperty("nextPenalty").GetString());
        Assert.Equal("within 1% or 0.001", before.GetProperty("questions")[0].GetProperty("precision").GetString());

        var exact = ClassList.Exact("tanh-network", "ada", "ada");
        clock.Now = due.AddSeconds(-1);
        var (s1, b1) = await ClassList.PostAsync(ada, exact);
        clock.Now = due.AddSeconds(1);
        var (s2, b2) = await ClassList.PostAsync(ada, exact);
        Assert.Equal((202, 202), (s1, s2));
        await service.WaitForAsync([b1.GetProperty("id").GetInt64(), b2.GetProperty("id").GetInt64()]);

        var after = await ada.GetFromJsonAsync<JsonElement>("/api/me/assignments/tanh-network");
        rules = after.GetProperty("rules");
        Assert.Equal(2, rules.GetProperty("attemptsUsed").GetInt32());
        Assert.Equal("30%", rules.GetProperty("nextPenalty").GetString()); // a day late (10%) + a third attempt (20%)
        var subs = after.GetProperty("submissions").EnumerateArray().ToList();
        Assert.Equal([(13.0, 0.0, 13.0), (13.0, 2.6, 10.4)], subs.Select(s => (s.GetProperty("raw").GetDouble(), s.GetProperty("penalty").GetDouble(), s.GetProperty("score").GetDouble())));
        Assert.True(subs[1].GetProperty("late").GetBoolean());

        // The gradebook counts the same: the best counted score, 13.
        var book = await service.Http.GetFromJsonAsync<JsonElement>("/assignments/tanh-network/gradebook.json");
        Assert.Equal(13, book.GetProperty("students")[0].GetProperty("total").GetDouble());

        clock.Now = due.AddDays(2).AddSeconds(1);
        rules = (await ada.GetFromJsonAsync<JsonElement>("/api/me/assignments/tanh-network")).GetProperty("rules");
        Assert.Equal(JsonValueKind.Null, rules.GetProperty("nextPenalty").ValueKind);
        Assert.StartsWith("submissions are closed", rules.GetProperty("nextRefused").GetString());
    }

    private static string Berlin(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
