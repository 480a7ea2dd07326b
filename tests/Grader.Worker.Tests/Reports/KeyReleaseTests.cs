using System.Globalization;
using System.Net;
using Grader.Domain.Assignments;
using Grader.Domain.Output;
using Grader.Reference;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Reports;

/// <summary>
/// Everything a student can fetch (the API's JSON and the report page, by receipt) is searched
/// for the key's numbers after grading an answer file of zeros in the key's shapes.
/// </summary>
[Collection("service")]
public class KeyReleaseTests
{
    [Fact]
    public async Task Show_key_never_leaks_no_key_number_through_the_api_or_the_page()
    {
        await using var service = await TestService.StartAsync();
        await SetAsync(service, "defaults:\n", "defaults:\n  show_key: never\n");
        var (key, body) = await PostZerosAsync(service);

        var seen = await StudentSeesAsync(service, body);
        Assert.Empty(KeyNumbers.Leaked(seen, key));
        Assert.Contains("not shown yet", seen);

        // The TA sees every key (so the search finds what a leak would show).
        var ta = await service.Http.GetStringAsync($"/api/submissions/{body.GetProperty("id").GetInt64()}")
            + WebUtility.HtmlDecode(await service.Http.GetStringAsync($"/submissions/{body.GetProperty("id").GetInt64()}"));
        Assert.Equal(KeyNumbers.Searchable(key), KeyNumbers.Leaked(ta, key).Select(l => l.Split(':')[0]).Distinct().Count());
    }

    [Fact]
    public async Task After_due_withholds_the_key_until_the_due_date_then_shows_it()
    {
        var clock = new TestClock();
        await using var service = await TestService.StartAsync(clock: clock);
        var due = TestClock.WholeSeconds(clock.Now.AddHours(1));
        await SetAsync(service, "id: tanh-network\n", $"id: tanh-network\ndue: {due.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)}Z\n");
        var (key, body) = await PostZerosAsync(service);

        // The clock stands still one second either side of the due date, however slow the machine.
        clock.Stopped = true;
        clock.Now = due.AddSeconds(-1);
        var before = await StudentSeesAsync(service, body);
        Assert.True(KeyNumbers.Leaked(before, key).Count == 0, string.Join(", ", KeyNumbers.Leaked(before, key)) + before);

        clock.Now = due.AddSeconds(1);
        var after = await StudentSeesAsync(service, body);
        Assert.Equal(KeyNumbers.Searchable(key), KeyNumbers.Leaked(after, key).Select(l => l.Split(':')[0]).Distinct().Count());
        Assert.DoesNotContain("not shown yet", after);
    }

    [Fact]
    public async Task By_default_a_key_is_withheld_when_nothing_is_due()
    {
        await using var service = await TestService.StartAsync();
        var (key, body) = await PostZerosAsync(service);
        Assert.Empty(KeyNumbers.Leaked(await StudentSeesAsync(service, body), key));
    }

    private static async Task SetAsync(TestService service, string find, string replace)
    {
        var file = Path.Combine(service.AssignmentsPath, "tanh-network.yaml");
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains(find, text);
        await File.WriteAllTextAsync(file, text.Replace(find, replace));
        using var reload = await service.Http.PostAsync("/api/assignments/tanh-network/regrade", null);
        Assert.Equal(HttpStatusCode.Accepted, reload.StatusCode);
    }

    private static async Task<(AnswerKey Key, System.Text.Json.JsonElement Body)> PostZerosAsync(TestService service)
    {
        var assignment = AssignmentLoader.LoadFile(Path.Combine(service.AssignmentsPath, "tanh-network.yaml")).Assignment!;
        var key = AnswerKeyBuilder.Build(assignment, "zed");
        var zeros = key.Answers.Select(a => new KeyValuePair<string, Tensor>(a.Key, new Tensor(a.Value.Shape, new double[a.Value.Count])));
        var (status, body) = await service.PostAsync(AnswerFileYaml.Write(assignment.Id, "zed", zeros));
        Assert.Equal(202, status);
        await service.WaitForAsync([body.GetProperty("id").GetInt64()]);
        return (key, body);
    }

    private static async Task<string> StudentSeesAsync(TestService service, System.Text.Json.JsonElement body)
    {
        using var student = new HttpClient { BaseAddress = service.Http.BaseAddress };
        return await student.GetStringAsync(body.GetProperty("statusUrl").GetString())
            + "\n" + WebUtility.HtmlDecode(await student.GetStringAsync(body.GetProperty("reportUrl").GetString()));
    }
}
