using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Data.Entities;
using Grader.Worker.Tests.Service;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Tests.Students;

/// <summary>Who may submit: open mode without a class list; with one, only a student's own token, for their own file.</summary>
[Collection("service")]
public class StudentAccessTests
{
    private const string Csv = "student,name,email\nada,Ada Lovelace,ada@example.org\nBob,Bob,\n";

    [Fact]
    public async Task Without_a_class_list_the_service_is_open_and_says_so()
    {
        await using var service = await TestService.StartAsync();
        using var anonymous = ClassList.Client(service);
        var (status, _) = await ClassList.PostAsync(anonymous, ClassList.Exact("svm-random", "zed", "zed"));
        Assert.Equal(202, status);
        var home = await service.Http.GetStringAsync("/");
        Assert.Contains("Open mode", home);
        Assert.Equal("[]", (await service.Http.GetStringAsync("/api/roster")).Trim());
    }

    public static TheoryData<string, string?, string, int, string> Refusals => new()
    {
        // case, token (name of a student, "bogus", or null), the file's student, status, reason
        { "no token", null, "ada", 401, "this course has a class list" },
        { "an unknown token", "bogus", "ada", 401, "not valid" },
        { "another student's file", "ada", "Bob", 403, "the answer file is for student 'Bob' but this token belongs to 'ada'" },
        { "a student not on the list", "ada", "carol", 403, "belongs to 'ada'" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task With_a_class_list_a_submission_is_refused_and_kept_as_rejected(string name, string? token, string fileStudent, int expected, string reason)
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, Csv);
        using var http = ClassList.Client(service, token is null ? null : tokens.GetValueOrDefault(token, token));
        var (status, body) = await ClassList.PostAsync(http, ClassList.Exact("svm-random", fileStudent, fileStudent));
        Assert.True(expected == status, $"{name}: {status} {body}");
        Assert.Contains(reason, body.GetProperty("error").GetString());
        await using var db = service.Db();
        var stored = await db.Submissions.SingleAsync(s => s.Id == body.GetProperty("id").GetInt64());
        Assert.Equal(SubmissionStatus.Rejected, stored.Status);
        Assert.Contains(reason, stored.Reason);

        // Refused with a student's valid token, the record is that student's (theirs to open), never
        // the named student's: Bob could otherwise read a refusal ada's token made, naming her.
        // Without a valid token the file is not read, and the record names no student.
        Assert.Equal(token == "ada" ? "ada" : null, stored.Student);
    }

    [Fact]
    public async Task A_students_token_submits_their_own_file_and_a_missing_id_is_filled_in()
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, Csv);

        // Bob's key as a file that names " bob " (spacing and case differ) and one that names nobody, each sent with bob's token.
        using var bob = ClassList.Client(service, tokens["Bob"]);
        var (named, namedBody) = await ClassList.PostAsync(bob, ClassList.Exact("svm-random", "Bob", " bob "));
        var (unnamed, unnamedBody) = await ClassList.PostAsync(bob, ClassList.Exact("svm-random", "Bob", null));
        Assert.Equal(202, named);
        Assert.Equal(202, unnamed);
        var graded = await service.WaitForAsync([namedBody.GetProperty("id").GetInt64(), unnamedBody.GetProperty("id").GetInt64()]);

        // Both are stored under the class list's spelling and graded against Bob's own variant: full marks.
        foreach (var s in graded.Values)
        {
            Assert.Equal("Bob", s.GetProperty("student").GetString());
            Assert.Equal(s.GetProperty("maxScore").GetDouble(), s.GetProperty("score").GetDouble());
        }

        // The sign-in cookie and a form field carry the token too.
        using var cookie = ClassList.Client(service);
        cookie.DefaultRequestHeaders.Add("Cookie", $"grader_student={tokens["ada"]}");
        cookie.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin"); // as the browser sends from the service's own page (cross-site posts are refused)
        Assert.Equal(202, (await ClassList.PostAsync(cookie, ClassList.Exact("svm-random", "ada", "ada"))).Status);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(tokens["ada"]), "token" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(ClassList.Exact("svm-random", "ada", null))), "file", "ada.yaml" },
        };
        using var anonymous = ClassList.Client(service);
        using var response = await anonymous.PostAsync("/api/submissions", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task The_TA_token_and_the_inbox_submit_for_students_on_the_list_only()
    {
        await using var service = await TestService.StartAsync();
        await ClassList.ImportAsync(service, Csv);
        var (onList, onListBody) = await service.PostAsync(ClassList.Exact("svm-random", "bob", "bob"));
        Assert.Equal(202, onList);
        Assert.Equal("Bob", (await service.WaitForAsync([onListBody.GetProperty("id").GetInt64()])).Values.Single().GetProperty("student").GetString());
        var (offList, offListBody) = await service.PostAsync(ClassList.Exact("svm-random", "carol", "carol"));
        Assert.Equal(403, offList);
        Assert.Equal("student 'carol' is not on the class list", offListBody.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Importing_again_adds_and_updates_keeps_links_and_grades_and_a_new_link_replaces_the_old()
    {
        await using var service = await TestService.StartAsync();
        var first = await ClassList.ImportAsync(service, Csv);
        using var ada = ClassList.Client(service, first["ada"]);
        var (_, body) = await ClassList.PostAsync(ada, ClassList.Exact("svm-random", "ada", "ada"));
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);

        using var response = await service.Http.PostAsync("/api/roster", new StringContent("student,name\nADA ,Ada King\ncarol,Carol\n"));
        var import = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, import.GetProperty("added").GetInt32());
        Assert.Equal(1, import.GetProperty("updated").GetInt32());
        var second = await ClassList.TokensAsync(service);
        Assert.Equal(["ada", "Bob", "carol"], second.Keys.Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(first["ada"], second["ada"]);
        var roster = await service.Http.GetFromJsonAsync<JsonElement>("/api/roster");
        var adaRow = roster.EnumerateArray().Single(s => s.GetProperty("student").GetString() == "ada");
        Assert.Equal("Ada King", adaRow.GetProperty("name").GetString());
        Assert.Equal("ada@example.org", adaRow.GetProperty("email").GetString());
        Assert.Equal($"/s/{first["ada"]}", adaRow.GetProperty("link").GetString());
        Assert.Equal("graded", (await service.GetAsync(id)).GetProperty("status").GetString());

        // A new link: the old token no longer submits, the new one does.
        using var reset = await service.Http.PostAsync("/api/roster/ADA/reset-link", null);
        var fresh = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        Assert.NotEqual(first["ada"], fresh);
        Assert.Equal(401, (await ClassList.PostAsync(ada, ClassList.Exact("svm-random", "ada", "ada"))).Status);
        using var renewed = ClassList.Client(service, fresh);
        Assert.Equal(202, (await ClassList.PostAsync(renewed, ClassList.Exact("svm-random", "ada", "ada"))).Status);
    }

    [Fact]
    public async Task The_class_list_routes_need_the_TA_token_and_the_handout_route_a_students()
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, Csv);
        using var anonymous = ClassList.Client(service);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/roster")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/roster", new StringContent("student\nmallory\n"))).StatusCode);
        using var student = ClassList.Client(service, tokens["ada"]);
        // A student's token is no TA token: the student is known, so the answer is 403, not "sign in".
        using var forbidden = await student.GetAsync("/api/roster");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("for TAs", await forbidden.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync("/")).StatusCode);
        using var stale = ClassList.Client(service, "not-a-token-of-anyone");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stale.GetAsync("/api/roster")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me/assignments/svm-random")).StatusCode);

        // The handout JSON carries exactly the values of `key --student ada`.
        var handout = await student.GetFromJsonAsync<JsonElement>("/api/me/assignments/svm-random");
        var (exit, key, error) = Cli.Cli.Run("key", Repo.Assignment("svm-random"), "--student", "ada", "--format", "json");
        Assert.True(exit == 0, error);
        using var keyDoc = JsonDocument.Parse(key);
        Assert.Equal("ada", handout.GetProperty("student").GetString());
        Assert.Equal(JsonSerializer.Serialize(keyDoc.RootElement.GetProperty("values")), JsonSerializer.Serialize(handout.GetProperty("values")));
        Assert.Equal(HttpStatusCode.NotFound, (await student.GetAsync("/api/me/assignments/nope")).StatusCode);
    }

    [Fact]
    public async Task Submit_on_the_command_line_sends_the_students_token_and_prints_the_report_URL()
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, Csv);
        using var dir = new TempDir();
        var file = dir.Write("ada.yaml", ClassList.Exact("svm-random", "ada", null));
        var server = service.Http.BaseAddress!.ToString();
        var (refused, _, error) = await Task.Run(() => Cli.Cli.Run("submit", file, "--server", server));
        Assert.Equal(1, refused);
        Assert.Contains("this course has a class list", error);
        var (exit, output, stderr) = await Task.Run(() => Cli.Cli.Run("submit", file, "--server", server, "--token", tokens["ada"], "--wait"));
        Assert.True(exit == 0, stderr);
        var report = output.Split('\n').Single(l => l.StartsWith("report: ", StringComparison.Ordinal))["report: ".Length..].Trim();
        using var anonymous = ClassList.Client(service);
        var page = await anonymous.GetStringAsync(report);
        Assert.Contains("student ada", page);
        Assert.Contains("\"student\":\"ada\"", output);
    }
}
