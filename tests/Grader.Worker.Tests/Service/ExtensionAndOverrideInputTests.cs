using System.Net.Http.Json;
using System.Text.Json;
using Grader.Worker.Tests.Students;

namespace Grader.Worker.Tests.Service;

/// <summary>
/// The extensions API checks its student id as the submission path does (length, invisible
/// characters, the class list), with the same messages, and the <c>extension</c> verb prints the
/// refusal and exits 1; an extension is taken back under the class list's spelling; the overrides
/// API bounds its comment and its <c>by</c>.
/// </summary>
[Collection("service")]
public class ExtensionAndOverrideInputTests
{
    public static TheoryData<string, string, string> BadStudents => new()
    {
        { "900 KB id", new string('s', 900_000), "student id longer than 200 characters" },
        { "201 characters", new string('s', 201), "student id longer than 200 characters" },
        { "right-to-left override", "ada\u202Elive", "the student id contains an invisible or control character (U+202E)" },
        { "zero-width space", "a\u200Bda", "the student id contains an invisible or control character (U+200B)" },
        { "newline", "ada\nbob", "the student id contains an invisible or control character (U+000A)" },
    };

    [Theory]
    [MemberData(nameof(BadStudents))]
    public async Task An_extension_for_a_student_id_a_submission_could_not_have_is_400_and_stores_nothing(string name, string student, string error)
    {
        await using var service = await TestService.StartAsync();
        using var response = await service.Http.PostAsJsonAsync("/api/assignments/tanh-network/extensions", new { student, due = "2026-12-08T17:00Z" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(400 == (int)response.StatusCode, $"{name}: {(int)response.StatusCode} {body}");
        Assert.StartsWith(error, body.GetProperty("error").GetString());
        Assert.Equal(0, (await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/tanh-network/extensions")).GetArrayLength());
    }

    [Fact]
    public async Task With_a_class_list_an_extension_is_for_a_student_on_it_in_its_spelling_and_the_verb_prints_a_refusal_and_exits_1()
    {
        await using var service = await TestService.StartAsync();
        await PolicyIntakeTests.PolicyAsync(service, new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero), ""); // an extension needs a due date to extend
        await ClassList.ImportAsync(service, "student\nAda\n");
        using (var refused = await service.Http.PostAsJsonAsync("/api/assignments/tanh-network/extensions", new { student = "carol", due = "2026-12-08T17:00Z" }))
        {
            Assert.Equal(400, (int)refused.StatusCode);
            Assert.Equal("student 'carol' is not on the class list", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }

        using (var granted = await service.Http.PostAsJsonAsync("/api/assignments/tanh-network/extensions", new { student = " ada ", due = "2026-12-08T17:00Z" }))
        {
            Assert.Equal(200, (int)granted.StatusCode);
        }

        var listed = await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/tanh-network/extensions");
        Assert.Equal(["Ada"], listed.EnumerateArray().Select(e => e.GetProperty("student").GetString()));

        // Taken back under any spelling the class list knows.
        using (var removed = await service.Http.DeleteAsync("/api/assignments/tanh-network/extensions/%20ada"))
        {
            Assert.Equal(200, (int)removed.StatusCode);
            Assert.Equal("Ada", (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("student").GetString());
        }

        Assert.Equal(0, (await service.Http.GetFromJsonAsync<JsonElement>("/api/assignments/tanh-network/extensions")).GetArrayLength());

        var server = service.Http.BaseAddress!.ToString();
        var (exit, output, error) = await Task.Run(() => Cli.Cli.Run("extension", "ev\u202Eil", "tanh-network", "--due", "2026-12-08T17:00Z", "--server", server, "--token", TestService.TaToken));
        Assert.True(exit == 1, $"{exit} {output} {error}");
        Assert.Contains("the student id contains an invisible or control character (U+202E)", error);
        (exit, _, error) = await Task.Run(() => Cli.Cli.Run("extension", "carol", "tanh-network", "--due", "2026-12-08T17:00Z", "--server", server, "--token", TestService.TaToken));
        Assert.Equal(1, exit);
        Assert.Contains("student 'carol' is not on the class list", error);
    }

    public static TheoryData<string, string?, string?, string> BadOverrides => new()
    {
        { "2,001-character comment", new string('c', 2001), "jo", "the comment is 2001 characters; the limit is 2000" },
        { "201-character by", "ok", new string('j', 201), "'by' is 201 characters; the limit is 200" },
        { "by with an ANSI escape", "ok", "jo\u001b[31m", "'by' contains an invisible or control character (U+001B)" },
        { "by with a right-to-left override", "ok", "jo\u202E", "'by' contains an invisible or control character (U+202E)" },
    };

    [Theory]
    [MemberData(nameof(BadOverrides))]
    public async Task An_override_with_a_comment_or_name_out_of_bounds_is_400_and_sets_nothing(string name, string? comment, string? by, string error)
    {
        await using var service = await TestService.StartAsync();
        var (_, posted) = await service.PostAsync(ClassList.Exact("tanh-network", "s1", "s1"));
        var id = posted.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);
        using var response = await service.Http.PostAsJsonAsync($"/api/submissions/{id}/overrides", new { question = "forward", score = 0, comment, by });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(400 == (int)response.StatusCode, $"{name}: {(int)response.StatusCode} {body}");
        Assert.StartsWith(error, body.GetProperty("error").GetString());
        await using var db = service.Db();
        Assert.Empty(db.ScoreOverrides);
    }
}
