using System.Text.Json;

namespace Grader.Worker.Tests.Cli;

public class KeyCommandTests
{
    [Fact]
    public void Json_key_has_the_contract_shape()
    {
        var (exit, output, error) = Cli.Run("key", Repo.Assignment("tanh-network"), "--format", "json");
        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("tanh-network", root.GetProperty("assignment").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("student").ValueKind);
        Assert.Equal(0.2, root.GetProperty("values").GetProperty("step").GetDouble());
        var w0 = root.GetProperty("values").GetProperty("W0");
        Assert.Equal(2, w0.GetArrayLength());
        Assert.Equal(-3, w0[0][1].GetDouble());
        var grad = root.GetProperty("answers").GetProperty("grad-W0");
        Assert.Equal(JsonValueKind.Array, grad[1].ValueKind);
        Assert.Equal(0.3, root.GetProperty("answers").GetProperty("x1")[1].GetDouble(), 12);
    }

    [Fact]
    public void Json_numbers_round_trip_the_doubles_exactly()
    {
        var (_, output, _) = Cli.Run("key", Repo.Assignment("sin-network"), "--format", "json");
        using var doc = JsonDocument.Parse(output);
        var w = doc.RootElement.GetProperty("values").GetProperty("w");
        Assert.Equal(Math.PI / 2, w[0].GetDouble());
        Assert.Equal(Math.PI, w[1].GetDouble());

        // Every answer read back from JSON is bit-for-bit the double the engine computed.
        var key = Grader.Domain.Assignments.AnswerKeyBuilder.Build(
            Grader.Domain.Assignments.AssignmentLoader.LoadFile(Repo.Assignment("sin-network")).Assignment!, null);
        foreach (var (id, tensor) in key.Answers)
        {
            var json = doc.RootElement.GetProperty("answers").GetProperty(id);
            var read = json.ValueKind == JsonValueKind.Number ? [json.GetDouble()] : Flatten(json).ToArray();
            Assert.Equal(tensor.Data, read);
        }
    }

    private static IEnumerable<double> Flatten(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().SelectMany(Flatten) : [e.GetDouble()];

    [Fact]
    public void A_student_option_draws_that_students_variant()
    {
        var (_, a, _) = Cli.Run("key", Repo.Assignment("svm-random"), "--student", "s1", "--format", "json");
        var (_, b, _) = Cli.Run("key", Repo.Assignment("svm-random"), "--student", "s2", "--format", "json");
        var (_, a2, _) = Cli.Run("key", Repo.Assignment("svm-random"), "--student", "s1", "--format", "json");
        Assert.Equal("s1", JsonDocument.Parse(a).RootElement.GetProperty("student").GetString());
        Assert.NotEqual(a.Replace("s1", "s?"), b.Replace("s2", "s?"));
        Assert.Equal(a, a2);
    }

    [Fact]
    public void Text_key_shows_question_text_beside_aligned_answers()
    {
        var (exit, output, _) = Cli.Run("key", Repo.Assignment("tanh-network"));
        Assert.Equal(0, exit);
        Assert.Contains("Output x3 of the network", output);

        // dL/dW0[i, j] = (x3 − y)·W1[i]·(1 − tanh²(x1[i]))·x0[j], printed to 15 significant figures in aligned columns.
        var x3 = Math.Tanh(0.7) - Math.Tanh(0.3);
        var row0 = (x3 - 0.5) * (1 - (Math.Tanh(0.7) * Math.Tanh(0.7)));
        var row1 = (x3 - 0.5) * -1 * (1 - (Math.Tanh(0.3) * Math.Tanh(0.3)));
        string[] cells = [.. new[] { row0, row0 * 0.1, row1, row1 * 0.1 }.Select(v => v.ToString("G15", System.Globalization.CultureInfo.InvariantCulture))];
        int w0 = Math.Max(cells[0].Length, cells[2].Length), w1 = Math.Max(cells[1].Length, cells[3].Length);
        Assert.Contains($"[{cells[0].PadLeft(w0)}  {cells[1].PadLeft(w1)}]", output);
        Assert.Contains($"[{cells[2].PadLeft(w0)}  {cells[3].PadLeft(w1)}]", output);
    }

    [Fact]
    public void An_invalid_assignment_prints_its_problems_and_fails()
    {
        using var dir = new TempDir();
        var file = dir.Write("x.yaml", "id: x\nquestions:\n  - id: q\n    answer: 1 +\n");
        var (exit, output, error) = Cli.Run("key", file);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains($"{file}:4:16:", error);
    }

    [Fact]
    public void An_assignment_that_does_not_load_prints_every_problem_validate_names()
    {
        using var dir = new TempDir();
        var file = dir.Write("x.yaml", "id: x\nvalues:\n  v: [1, 2]\nquestions:\n  - id: a\n    answer: sinn(v)\n  - id: b\n    answer: v\n  - id: b\n    answer: v\n");
        var (exit, output, error) = Cli.Run("key", file);
        var (_, validated, _) = Cli.Run("validate", file);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains($"{file}:6:13: question a: unknown function 'sinn'", error);
        Assert.Contains($"{file}:9:9: duplicate question id 'b'", error);
        Assert.All(validated.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Contains(line, error));
    }

    public static TheoryData<string> Assignments => new(Directory.EnumerateFiles(Repo.Assignments, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Assignments))]
    public void The_key_as_an_answer_file_scores_full_marks_graph_questions_included(string assignment)
    {
        using var dir = new TempDir();
        var (exit, answers, error) = Cli.Run("key", Repo.Assignment(assignment), "--format", "answers");
        Assert.True(exit == 0, error);
        var file = dir.Write("key.yaml", answers);
        var (_, report, _) = Cli.Run("grade", Repo.Assignment(assignment), file, "--format", "json");
        using var doc = JsonDocument.Parse(report);
        Assert.Equal(doc.RootElement.GetProperty("maxScore").GetDouble(), doc.RootElement.GetProperty("score").GetDouble(), 9);
    }
}
