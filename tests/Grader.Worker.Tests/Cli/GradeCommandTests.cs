using System.Text.Json;

namespace Grader.Worker.Tests.Cli;

public class GradeCommandTests
{
    private static string Seed(string name) => Path.Combine(Repo.Assignments, "answers", name);

    [Fact]
    public void Json_report_has_the_contract_shape()
    {
        var (exit, output, error) = Cli.Run("grade", Repo.Assignment("tanh-network"), Seed("tanh-network.seed-004.yaml"), "--format", "json");
        Assert.True(exit == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("tanh-network", root.GetProperty("assignment").GetString());
        Assert.Equal("seed-004", root.GetProperty("student").GetString());
        Assert.Equal(9, root.GetProperty("score").GetDouble());
        Assert.Equal(13, root.GetProperty("maxScore").GetDouble());
        var forward = root.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "forward");
        Assert.Equal("correct", forward.GetProperty("status").GetString());
        Assert.Equal(1, forward.GetProperty("score").GetDouble());
        Assert.Equal(1, forward.GetProperty("maxScore").GetDouble());
        // x3 = W1 @ x2 has shape (1,): a one-element tensor is written as a plain number, as in the contract's example.
        Assert.Equal(Math.Tanh(0.7) - Math.Tanh(0.3), forward.GetProperty("expected").GetDouble(), 12);
        var gradW0 = root.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "grad-W0");
        Assert.Equal(JsonValueKind.Array, gradW0.GetProperty("expected")[0].ValueKind);
        Assert.Equal(0.313, forward.GetProperty("given").GetDouble());
        Assert.Equal("correct; precision: within 1% or 0.001", forward.GetProperty("feedback").GetString());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void A_poor_score_still_exits_zero()
    {
        using var dir = new TempDir();
        var answers = dir.Write("a.yaml", "assignment: tanh-network\nstudent: s\nanswers:\n  forward: 99\n");
        var (exit, output, _) = Cli.Run("grade", Repo.Assignment("tanh-network"), answers);
        Assert.Equal(0, exit);
        Assert.Contains("forward", output);
        Assert.Contains("incorrect", output);
    }

    [Fact]
    public void An_unreadable_answer_file_fails_with_a_clear_message()
    {
        using var dir = new TempDir();
        var answers = dir.Write("a.yaml", "assignment: [unclosed\n");
        var (exit, output, error) = Cli.Run("grade", Repo.Assignment("tanh-network"), answers);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("cannot be read as an answer file", error);
        Assert.Contains($"{answers}:", error);
    }

    [Fact]
    public void An_unreadable_assignment_fails_with_a_clear_message()
    {
        var (exit, _, error) = Cli.Run("grade", "/no/such.yaml", Seed("tanh-network.seed-004.yaml"));
        Assert.Equal(1, exit);
        Assert.Contains("cannot be read as an assignment", error);
    }

    [Fact]
    public void As_a_student_a_zeros_file_prints_no_key_number_in_text_or_json()
    {
        using var dir = new TempDir();
        var assignment = Grader.Domain.Assignments.AssignmentLoader.LoadFile(Repo.Assignment("tanh-network")).Assignment!;
        var key = Grader.Domain.Assignments.AnswerKeyBuilder.Build(assignment, "zed");
        var zeros = dir.Write("zeros.yaml", Grader.Domain.Output.AnswerFileYaml.Write("tanh-network", "zed",
            key.Answers.Select(a => new KeyValuePair<string, Grader.Reference.Tensor>(a.Key, new Grader.Reference.Tensor(a.Value.Shape, new double[a.Value.Count])))));
        foreach (var format in new[] { "text", "json" })
        {
            var (exit, output, error) = Cli.Run("grade", Repo.Assignment("tanh-network"), zeros, "--format", format, "--as-student");
            Assert.True(exit == 0, error);
            Assert.Empty(KeyNumbers.Leaked(output, key));
            var (_, full, _) = Cli.Run("grade", Repo.Assignment("tanh-network"), zeros, "--format", format);
            Assert.NotEmpty(KeyNumbers.Leaked(full, key));
        }
    }
}
