using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Grader.Domain.Assignments;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Students;

/// <summary>
/// Question ids that differ only in case (<c>grad-w</c> for ∂L/∂w, <c>grad-W</c> for ∂L/∂W) are two
/// questions on every path: an answer file (YAML, JSON) through <c>grade</c> and the API, the
/// student's page form, the report and the gradebook's columns.
/// </summary>
[Collection("service")]
public class QuestionIdCaseTests
{
    // ∂L/∂w has w's shape (2,) and ∂L/∂W has W's shape (2, 2): answers merged into one field cannot pass.
    private const string Yaml = """
        id: case-ids
        title: w and W
        values:
          w: [1, 2]
          W: [[1, 0], [0, 2]]
          x: [1, 3]
        graph:
          L: sum(W @ x) * dot(w, x)
        questions:
          - id: grad-w
            answer: grad(L, w)
          - id: grad-W
            answer: grad(L, W)
        """;

    private static (Assignment Assignment, string W, string BigW) Key(string student)
    {
        var assignment = AssignmentLoader.Load(Yaml, "case-ids.yaml").Assignment!;
        var key = AnswerKeyBuilder.Build(assignment, student);
        return (assignment, key.AnswerTo("grad-w")!.ToString(), key.AnswerTo("grad-W")!.ToString());
    }

    private static string YamlFile(string student, string w, string bigW, string extra = "") =>
        $"assignment: case-ids\nstudent: {student}\nanswers:\n  grad-w: \"{w}\"\n  grad-W: \"{bigW}\"\n{extra}";

    private static string JsonFile(string student, string w, string bigW) =>
        JsonSerializer.Serialize(new { assignment = "case-ids", student, answers = new Dictionary<string, string> { ["grad-W"] = bigW, ["grad-w"] = w } });

    private static void AssertBothCorrect(JsonElement report, string path)
    {
        var questions = report.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("id").GetString()!, q => q.GetProperty("status").GetString());
        Assert.True(questions.Count == 2 && questions["grad-w"] == "correct" && questions["grad-W"] == "correct", $"{path}: {report}");
    }

    [Fact]
    public void Grade_reads_w_and_W_as_two_questions_in_YAML_and_JSON_and_suggests_the_id_with_its_case()
    {
        var (_, w, bigW) = Key("ada");
        using var dir = new TempDir();
        var assignment = dir.Write("case-ids.yaml", Yaml);
        foreach (var file in new[] { dir.Write("a.yaml", YamlFile("ada", w, bigW, "  grad_w: 0\n")), dir.Write("a.json", JsonFile("ada", w, bigW)) })
        {
            var (exit, output, error) = Cli.Cli.Run("grade", assignment, file, "--format", "json");
            Assert.True(exit == 0, error);
            using var doc = JsonDocument.Parse(output);
            AssertBothCorrect(doc.RootElement, file);
            if (file.EndsWith(".yaml", StringComparison.Ordinal))
            {
                Assert.Contains("unknown question id 'grad_w' ignored (did you mean 'grad-w'?)", doc.RootElement.GetProperty("warnings")[0].GetString());
            }
        }
    }

    [Fact]
    public async Task The_API_the_students_form_and_the_gradebook_keep_w_and_W_apart()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "assignments"));
        dir.Write("assignments/case-ids.yaml", Yaml);
        await using var service = await TestService.StartAsync(reuse: dir);

        // The API, as YAML and as JSON (open mode: any student).
        var (_, w, bigW) = Key("bob");
        var (yamlStatus, yamlBody) = await service.PostAsync(YamlFile("bob", w, bigW));
        var (jsonStatus, jsonBody) = await service.PostAsync(JsonFile("bob", w, bigW), "application/json");
        Assert.Equal(202, yamlStatus);
        Assert.Equal(202, jsonStatus);
        foreach (var graded in (await service.WaitForAsync([yamlBody.GetProperty("id").GetInt64(), jsonBody.GetProperty("id").GetInt64()])).Values)
        {
            AssertBothCorrect(graded.GetProperty("report"), "API");
        }

        // The student's page: ada signs in with her link and types both answers in the form.
        var tokens = await ClassList.ImportAsync(service, "student\nada\nbob\n");
        (_, w, bigW) = Key("ada");
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = service.Http.BaseAddress };
        (await browser.GetAsync($"/s/{tokens["ada"]}")).Dispose();
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync("/me/assignments/case-ids"));
        Assert.NotNull(page.QuerySelector("input[name='q.grad-w']"));
        Assert.NotNull(page.QuerySelector("input[name='q.grad-W']"));
        var antiforgery = page.QuerySelector("#answers input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        FormUrlEncodedContent Form(string action) => new([
            new("__RequestVerificationToken", antiforgery), new("q.grad-w", w), new("q.grad-W", bigW), new("action", action)]);

        using (var check = await browser.PostAsync("/me/assignments/case-ids", Form("check")))
        {
            var checkedPage = new HtmlParser().ParseDocument(await check.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, check.StatusCode);
            foreach (var id in new[] { "grad-w", "grad-W" })
            {
                var result = checkedPage.QuerySelector($".question[data-question='{id}'] .check")!;
                Assert.True(result.GetAttribute("data-status") == "ok", $"{id}: {result.TextContent}");
                Assert.Equal(id == "grad-w" ? w : bigW, checkedPage.QuerySelector($".question[data-question='{id}'] input")!.GetAttribute("value"));
            }
        }

        using (var submit = await browser.PostAsync("/me/assignments/case-ids", Form("submit")))
        {
            Assert.Contains("submitted=", submit.RequestMessage!.RequestUri!.Query);
        }

        await using (var db = service.Db())
        {
            var id = db.Submissions.Where(s => s.Student == "ada").Select(s => s.Id).Single();
            AssertBothCorrect((await service.WaitForAsync([id])).Values.Single().GetProperty("report"), "form");
        }

        // The gradebook: a column for each, each student's full marks in both.
        var csv = (await service.Http.GetStringAsync("/assignments/case-ids/gradebook.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Trim().Split(',');
        var (lower, upper) = (Array.IndexOf(header, "grad-w"), Array.IndexOf(header, "grad-W"));
        Assert.True(lower >= 0 && upper >= 0 && lower != upper, csv[0]);
        foreach (var student in new[] { "ada", "bob" })
        {
            var row = csv.Single(l => l.StartsWith(student + ",", StringComparison.Ordinal)).Trim().Split(',');
            Assert.Equal(("1", "1"), (row[lower], row[upper]));
        }

        var json = await service.Http.GetFromJsonAsync<JsonElement>("/assignments/case-ids/gradebook.json");
        Assert.Contains("grad-W", json.ToString());
    }
}
