using Grader.Worker.Tests.Service;
using Grader.Worker.Tests.Students;
using Microsoft.VisualBasic.FileIO;

namespace Grader.Worker.Tests.Reports;

[Collection("service")]
public class GradebookTests
{
    [Fact]
    public async Task The_CSV_has_a_row_per_student_a_column_per_question_and_the_total()
    {
        await using var service = await TestService.StartAsync();
        var submitted = await ClassFixture.SubmitAsync(service);
        var csv = await service.Http.GetStringAsync("/assignments/tanh-network/gradebook.csv");
        var rows = Parse(csv);

        string[] questions = ["x1", "x2", "forward", "loss", "dL-dx3", "dL-dx2", "dL-dx1", "grad-W0", "grad-W1", "W0-next", "W1-next", "mlp-params"];
        Assert.Equal(["student", "name", "email", "submission", "submitted_at", .. questions, "raw", "penalty", "total", "max_score", "attempts", "late_hours", "outdated"], rows[0]);
        Assert.Equal(ClassFixture.Students, rows.Skip(1).Select(r => r[0]));
        var byStudent = rows.Skip(1).ToDictionary(r => r[0], r => r);
        var col = (string name) => Array.IndexOf(rows[0], name);

        // Seed 004's solution: grad-W0 and grad-W1 transposed (0), mlp-params missing: 9 / 13.
        Assert.Equal("0", byStudent["ada"][col("grad-W0")]);
        Assert.Equal("0", byStudent["ada"][col("grad-W1")]);
        Assert.Equal("9", byStudent["ada"][col("total")]);
        Assert.Equal("13", byStudent["ada"][col("max_score")]);
        Assert.Equal("13", byStudent["cy"][col("total")]);

        // dee submitted twice: the best (the exact second one) counts, by default.
        Assert.Equal(submitted["dee"].Id.ToString(), byStudent["dee"][col("submission")]);
        Assert.Equal("13", byStudent["dee"][col("total")]);
        Assert.Equal("2", byStudent["dee"][col("attempts")]);
        Assert.Equal("0", byStudent["dee"][col("penalty")]);
    }

    [Fact]
    public async Task The_JSON_export_and_the_report_verb_agree_with_the_CSV()
    {
        await using var service = await TestService.StartAsync();
        await ClassFixture.SubmitAsync(service);
        var json = System.Text.Json.JsonDocument.Parse(await service.Http.GetStringAsync("/assignments/tanh-network/gradebook.json")).RootElement;
        Assert.Equal(4, json.GetProperty("students").GetArrayLength());
        Assert.Equal(9, json.GetProperty("students")[0].GetProperty("total").GetDouble());

        var output = Path.Combine(service.Dir.Path, "out.csv");
        var (exit, _, error) = Cli.Cli.Run("report", "tanh-network", "--csv", output, "--database", service.DatabasePath, "--assignments", service.AssignmentsPath);
        Assert.True(exit == 0, error);
        Assert.Equal(await service.Http.GetStringAsync("/assignments/tanh-network/gradebook.csv"), await File.ReadAllTextAsync(output));
    }

    [Fact]
    public async Task A_student_id_that_looks_like_a_formula_is_escaped()
    {
        await using var service = await TestService.StartAsync();
        var (_, body) = await service.PostAsync("assignment: tanh-network\nstudent: \"=HYPERLINK(1)\"\nanswers: {forward: 0.313}\n");
        await service.WaitForAsync([body.GetProperty("id").GetInt64()]);
        var rows = Parse(await service.Http.GetStringAsync("/assignments/tanh-network/gradebook.csv"));
        Assert.False(rows[1][0].StartsWith('='), rows[1][0]);
    }

    [Theory]
    [InlineData(null, "")] // the default: blank
    [InlineData("blank", "")]
    [InlineData("zero", "0")]
    [InlineData("Zero", "0")]
    public async Task With_a_class_list_the_gradebook_has_a_row_for_each_listed_student_and_no_other(string? missing, string fill)
    {
        await using var service = await TestService.StartAsync(settings: missing is null ? null : new Dictionary<string, string?> { ["Grader:Gradebook:Missing"] = missing });
        await ClassFixture.SubmitAsync(service); // in open mode: ada and bob 9 / 13, cy and dee 13 / 13
        await ClassList.ImportAsync(service, "student,name,email\nada,Ada Lovelace,ada@x\nBob,,\neve,Eve,eve@x\n"); // cy and dee are not on it; eve has no submission

        var rows = Parse(await service.Http.GetStringAsync("/assignments/tanh-network/gradebook.csv"));
        var col = (string name) => Array.IndexOf(rows[0], name);
        Assert.Equal(["ada", "bob", "eve"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal("9", rows[1][col("total")]);
        Assert.Equal("9", rows[2][col("total")]);
        var eve = rows[3];
        Assert.Equal(["Ada Lovelace", "ada@x"], rows[1][col("name")..(col("email") + 1)]); // name and email right after student
        Assert.Equal(1, col("name"));
        Assert.Equal(["Eve", "eve@x"], eve[col("name")..(col("email") + 1)]);
        Assert.Equal("", eve[col("submission")]);
        Assert.Equal(fill, eve[col("total")]);
        Assert.Equal(fill, eve[col("raw")]);
        Assert.Equal(fill, eve[col("forward")]);
        Assert.Equal("13", eve[col("max_score")]);
        Assert.Equal("0", eve[col("attempts")]);

        var json = System.Text.Json.JsonDocument.Parse(await service.Http.GetStringAsync("/assignments/tanh-network/gradebook.json")).RootElement.GetProperty("students");
        Assert.Equal(["ada", "bob", "eve"], json.EnumerateArray().Select(s => s.GetProperty("student").GetString()));
        Assert.True(json[2].GetProperty("missing").GetBoolean());
        Assert.Equal("Ada Lovelace", json[0].GetProperty("name").GetString());
        Assert.Equal("eve@x", json[2].GetProperty("email").GetString());
        Assert.False(json[0].GetProperty("missing").GetBoolean());
        Assert.Equal(fill == "" ? System.Text.Json.JsonValueKind.Null : System.Text.Json.JsonValueKind.Number, json[2].GetProperty("total").ValueKind);
        Assert.Equal(13, json[2].GetProperty("maxScore").GetDouble());

        // The assignment page's gradebook table and statistics: the class list's students only.
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await service.Http.GetStringAsync("/assignments/tanh-network"));
        Assert.Equal(["ada", "bob", "eve"], page.QuerySelectorAll("#gradebook tbody tr").Select(r => r.GetAttribute("data-student")));
        Assert.Equal("9 / 13", page.QuerySelector("#gradebook tr[data-student='ada'] .total")!.TextContent);
        Assert.Equal(fill == "" ? "" : "0 / 13", page.QuerySelector("#gradebook tr[data-student='eve'] .total")!.TextContent);
        Assert.Contains("2 student(s) graded", page.Body!.TextContent);

        // The home page counts the same students: ada and bob, 9 / 13 each (cy and dee are off the list).
        var home = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await service.Http.GetStringAsync("/"));
        Assert.Equal("2", home.QuerySelector("tr[data-assignment='tanh-network'] .students")!.TextContent);
        Assert.Equal("9 / 13", home.QuerySelector("tr[data-assignment='tanh-network'] .mean")!.TextContent);

        if (missing is null)
        {
            var output = Path.Combine(service.Dir.Path, "out.csv");
            var (exit, _, error) = Cli.Cli.Run("report", "tanh-network", "--csv", output, "--database", service.DatabasePath, "--assignments", service.AssignmentsPath);
            Assert.True(exit == 0, error);
            Assert.Equal(await service.Http.GetStringAsync("/assignments/tanh-network/gradebook.csv"), await File.ReadAllTextAsync(output));
        }
    }

    [Theory]
    [InlineData("x1,x2,forward,loss,dL-dx3,dL-dx2", "20%", 6, 1.2, 4.8)]  // in doubles 6 × 0.8 = 4.800000000000001 and 6 − that = 1.1999999999999993 (the QA walk's)
    [InlineData("all", "10%", 13, 1.3, 11.7)]                            // 13 × 0.9 = 11.700000000000001, 13 − that = 1.299999999999999
    public async Task The_JSON_export_rounds_a_penalty_and_a_total_as_the_CSV_does(string questions, string penalty, double raw, double taken, double total)
    {
        var clock = new TestClock();
        await using var service = await TestService.StartAsync(clock: clock);
        var due = TestClock.WholeSeconds(clock.Now.AddHours(-1));
        await PolicyIntakeTests.PolicyAsync(service, due, $"late: {{ until: {PolicyIntakeTests.Iso(due.AddDays(3))}, penalty: {penalty} }}\n");

        // The key's own answers to those questions (each worth 1 point; all 12 questions are 13), an hour late.
        var assignment = Grader.Domain.Assignments.AssignmentLoader.LoadFile(Path.Combine(service.AssignmentsPath, "tanh-network.yaml")).Assignment!;
        var answers = Grader.Domain.Assignments.AnswerKeyBuilder.Build(assignment, "s").Answers.Where(a => questions == "all" || questions.Split(',').Contains(a.Key));
        var (status, body) = await service.PostAsync(Grader.Domain.Output.AnswerFileYaml.Write("tanh-network", "s", [.. answers]));
        Assert.Equal(202, status);
        await service.WaitForAsync([body.GetProperty("id").GetInt64()]);

        var text = await service.Http.GetStringAsync("/assignments/tanh-network/gradebook.json");
        var row = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("students")[0];
        Assert.Equal((raw, taken, total), (row.GetProperty("raw").GetDouble(), row.GetProperty("penalty").GetDouble(), row.GetProperty("total").GetDouble()));
        Assert.Contains($"\"penalty\": {taken.ToString(System.Globalization.CultureInfo.InvariantCulture)},", text);
        Assert.Contains($"\"total\": {total.ToString(System.Globalization.CultureInfo.InvariantCulture)},", text);

        var csv = await PolicyIntakeTests.RowAsync(service);
        Assert.Equal((raw.ToString(System.Globalization.CultureInfo.InvariantCulture), taken.ToString(System.Globalization.CultureInfo.InvariantCulture), total.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (csv["raw"], csv["penalty"], csv["total"]));
    }

    private static List<string[]> Parse(string csv)
    {
        using var parser = new TextFieldParser(new StringReader(csv)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }
}
