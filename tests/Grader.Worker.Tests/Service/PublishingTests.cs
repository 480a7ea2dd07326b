using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Grader.Worker.Tests.Service;

/// <summary>
/// Assignment files edited or added while the service runs are published (file watching,
/// debounced, or the publish verb); an invalid file is refused loudly and the previous version
/// stays in force; a regrade of an invalid file fails with its problems.
/// </summary>
[Collection("service")]
public class PublishingTests
{
    private const string Seed = "tanh-network.seed-004.yaml";

    [Fact]
    public async Task A_new_file_is_picked_up_while_the_service_runs()
    {
        await using var service = await TestService.StartAsync();
        var text = await File.ReadAllTextAsync(Path.Combine(service.AssignmentsPath, "tanh-network.yaml"));
        await File.WriteAllTextAsync(Path.Combine(service.AssignmentsPath, "tanh-copy.yaml"), text.Replace("id: tanh-network", "id: tanh-copy"));
        await Until(async () => (await service.Http.GetFromJsonAsync<string[]>("/api/assignments"))!.Contains("tanh-copy"));
        var (status, _) = await service.PostAsync("assignment: tanh-copy\nstudent: s\nanswers: {forward: 0.313}\n");
        Assert.Equal(202, status);
    }

    [Fact]
    public async Task An_edited_file_is_published_and_old_grades_say_so_until_a_regrade_shows_old_and_new_scores()
    {
        await using var service = await TestService.StartAsync();
        var (_, body) = await service.PostAsync(await SeedAsync("s1"));
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal(9, (await service.WaitForAsync([id]))[id].GetProperty("score").GetDouble());
        Assert.True((await service.GetAsync(id)).GetProperty("gradedAgainstCurrentVersion").GetBoolean());

        // The target changes from y = 0.5 to 0.6: every gradient changes.
        var file = Path.Combine(service.AssignmentsPath, "tanh-network.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("  y: 0.5", "  y: 0.6"));
        await Until(async () => !(await service.GetAsync(id)).GetProperty("gradedAgainstCurrentVersion").GetBoolean());
        Assert.Contains("Graded against an older version", await service.Http.GetStringAsync($"/submissions/{id}"));

        using var regrade = await service.Http.PostAsync("/api/assignments/tanh-network/regrade", null);
        Assert.Equal(HttpStatusCode.Accepted, regrade.StatusCode);
        await Until(async () => (await service.GetAsync(id)) is var s && s.GetProperty("history").GetArrayLength() == 2 && s.GetProperty("status").GetString() == "graded");
        var after = await service.GetAsync(id);
        var newScore = after.GetProperty("score").GetDouble();
        Assert.True(newScore < 9);

        using var student = new HttpClient { BaseAddress = service.Http.BaseAddress };
        foreach (var html in new[] { await service.Http.GetStringAsync($"/submissions/{id}"), await student.GetStringAsync(body.GetProperty("reportUrl").GetString()) })
        {
            var page = WebUtility.HtmlDecode(html);
            Assert.DoesNotContain("Graded against an older version", page);
            Assert.Contains($"Regraded: 9 / 13 → {Grader.Worker.Pages.Shared.Format.N(newScore)} / 13 on ", page);
        }
    }

    [Fact]
    public async Task An_invalid_edit_is_refused_loudly_and_the_previous_version_stays_in_force()
    {
        await using var service = await TestService.StartAsync();
        var file = Path.Combine(service.AssignmentsPath, "tanh-network.yaml");
        var good = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, good.Replace("  x3: W1 @ x2", "  x3: W1 @ x9"));
        await Until(async () => (await service.Http.GetStringAsync("/")).Contains("was refused"));
        var home = System.Net.WebUtility.HtmlDecode(await service.Http.GetStringAsync("/"));
        Assert.Contains("tanh-network.yaml was refused", home);
        Assert.Contains("tanh-network stays at its previous version until the file is fixed", home);
        Assert.Matches(@"tanh-network\.yaml:\d+:\d+: .*unknown name 'x9'", home);

        // A new file that is refused has no previous version to stay at.
        await File.WriteAllTextAsync(Path.Combine(service.AssignmentsPath, "broken.yaml"), "id: broken\nquestions:\n  - id: q\n    answer: y\n");
        await Until(async () => (await service.Http.GetStringAsync("/")).Contains("broken.yaml was refused"));
        Assert.Contains("broken is not loaded until the file is fixed", System.Net.WebUtility.HtmlDecode(await service.Http.GetStringAsync("/")));
        File.Delete(Path.Combine(service.AssignmentsPath, "broken.yaml"));
        await Until(async () => !(await service.Http.GetStringAsync("/")).Contains("broken.yaml was refused"));

        // Submissions are still graded against the previous version.
        var (_, body) = await service.PostAsync(await SeedAsync("s2"));
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal(9, (await service.WaitForAsync([id]))[id].GetProperty("score").GetDouble());

        // A regrade of the invalid file fails with the problems, over HTTP and on the command line.
        using var regrade = await service.Http.PostAsync("/api/assignments/tanh-network/regrade", null);
        Assert.Equal(422, (int)regrade.StatusCode);
        var refusal = await regrade.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("unknown name 'x9'", refusal.GetProperty("problems")[0].GetString());
        var (exit, _, error) = await Task.Run(() => Cli.Cli.Run("regrade", "tanh-network", "--server", service.Http.BaseAddress!.ToString(), "--token", TestService.TaToken));
        Assert.Equal(1, exit);
        Assert.Contains("unknown name 'x9'", error);
        Assert.Single((await service.GetAsync(id)).GetProperty("history").EnumerateArray());

        // publish of the invalid file exits 1 with the problems; fixed, it publishes and the banner goes.
        var (pubExit, _, pubError) = await Task.Run(() => Cli.Cli.Run("publish", file, "--server", service.Http.BaseAddress!.ToString(), "--token", TestService.TaToken, "--assignments", service.AssignmentsPath));
        Assert.Equal(1, pubExit);
        Assert.Matches(@"tanh-network\.yaml:\d+:\d+: .*unknown name 'x9'", pubError);
        await File.WriteAllTextAsync(file, good);
        var (okExit, okOut, okError) = await Task.Run(() => Cli.Cli.Run("publish", file, "--server", service.Http.BaseAddress!.ToString(), "--token", TestService.TaToken, "--assignments", service.AssignmentsPath));
        Assert.True(okExit == 0, okOut + okError);
        Assert.DoesNotContain("was refused", await service.Http.GetStringAsync("/"));
    }

    [Fact]
    public async Task Publish_copies_a_file_from_elsewhere_into_the_folder()
    {
        await using var service = await TestService.StartAsync();
        using var dir = new TempDir();
        var text = await File.ReadAllTextAsync(Path.Combine(service.AssignmentsPath, "tanh-network.yaml"));
        var file = dir.Write("week9.yaml", text.Replace("id: tanh-network", "id: week9"));
        var (exit, output, error) = await Task.Run(() => Cli.Cli.Run("publish", file, "--server", service.Http.BaseAddress!.ToString(), "--token", TestService.TaToken, "--assignments", service.AssignmentsPath));
        Assert.True(exit == 0, output + error);
        Assert.Contains("published week9", output);
        Assert.True(File.Exists(Path.Combine(service.AssignmentsPath, "week9.yaml")));
        Assert.Contains("week9", (await service.Http.GetFromJsonAsync<string[]>("/api/assignments"))!);
    }

    private static async Task<string> SeedAsync(string student) =>
        (await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", Seed))).Replace("student: seed-004", $"student: {student}");

    private static async Task Until(Func<Task<bool>> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(100);
        }
    }
}
