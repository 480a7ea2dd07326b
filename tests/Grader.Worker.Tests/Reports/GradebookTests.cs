using Grader.Worker.Tests.Service;
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
        Assert.Equal(["student", "submission", "submitted_at", .. questions, "raw", "penalty", "total", "max_score", "attempts", "late_hours", "outdated"], rows[0]);
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
