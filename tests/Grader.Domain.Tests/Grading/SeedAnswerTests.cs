using Grader.Domain.Tests.Assignments;
using Grader.Domain.Assignments;
using Grader.Domain.Grading;

namespace Grader.Domain.Tests.Grading;

/// <summary>
/// The seeds' own worked solutions, handed in as answer files (assignments/answers/), are graded
/// as a careful TA would: right numbers accepted within the assignment's tolerance, wrong ones
/// marked with the element named.
/// </summary>
public class SeedAnswerTests
{
    public static TheoryData<string, string, string, QuestionStatus, double, string> Cases => new()
    {
        // Seed 000: everything right except the stride-3 convolution's bottom-right cell.
        { "sin-network", "sin-network.seed-000.yaml", "w-next", QuestionStatus.Correct, 1, "correct" },
        { "sin-network", "sin-network.seed-000.yaml", "conv-stride3", QuestionStatus.Partial, 0.75, "[1, 1] expected 2, got 1" },
        { "sin-network", "sin-network.seed-000.yaml", "maxpool", QuestionStatus.Correct, 1, "correct" },

        // Seed 000's graphs (questions 1 and 4): the forward pass, then the loss on top with each value.
        { "sin-network", "sin-network.seed-000.yaml", "draw-forward", QuestionStatus.Correct, 1, "correct: the graph computes the key's function" },
        { "sin-network", "sin-network.seed-000.yaml", "draw-loss", QuestionStatus.Correct, 1, "correct: the graph computes the key's function" },

        // Seed 001: every number right, including the η = 0.01 updates.
        { "relu-network", "relu-network.seed-001.yaml", "dJ-dW2", QuestionStatus.Correct, 1, "correct" },
        { "relu-network", "relu-network.seed-001.yaml", "W1-next", QuestionStatus.Correct, 1, "correct" },
        { "relu-network", "relu-network.seed-001.yaml", "prediction", QuestionStatus.Correct, 1, "correct" },

        // Seed 002: the slide's one-figure values 0.73, 0.2, −0.2, 0.4 are right to one significant figure.
        { "backprop-examples", "backprop-examples.seed-002.json", "dn-ds", QuestionStatus.Correct, 1, "correct" },
        { "backprop-examples", "backprop-examples.seed-002.json", "dn-dx0", QuestionStatus.Correct, 1, "correct" },
        { "backprop-examples", "backprop-examples.seed-002.json", "grad-W", QuestionStatus.Missing, 0, "no answer" },

        // Seed 002's two graphs, each node's value and gradient as the slides write them.
        { "backprop-examples", "backprop-examples.seed-002.json", "graph-qz", QuestionStatus.Correct, 2, "annotations 0.5/0.5" },
        { "backprop-examples", "backprop-examples.seed-002.json", "graph-neuron", QuestionStatus.Correct, 3, "annotations 0.75/0.75" },

        // Seed 003: y1, z, dz/db0 and the parameter count are wrong.
        { "residual-block", "residual-block.seed-003.yaml", "y1", QuestionStatus.Incorrect, 0, "expected -0.38, got -0.7" },
        { "residual-block", "residual-block.seed-003.yaml", "z", QuestionStatus.Incorrect, 0, "follows correctly from your earlier answer to y1" },
        { "residual-block", "residual-block.seed-003.yaml", "dz-db0", QuestionStatus.Incorrect, 0, "sign is flipped" },
        { "residual-block", "residual-block.seed-003.yaml", "params", QuestionStatus.Incorrect, 0, "expected 608257, got 357057" },
        { "residual-block", "residual-block.seed-003.yaml", "dz-dw0", QuestionStatus.Correct, 1, "correct" },

        // Seed 004: rounded to 2–4 digits and accepted; its gradients are transposed (a transpose
        // scores 0, square or not).
        { "tanh-network", "tanh-network.seed-004.yaml", "x2", QuestionStatus.Correct, 1, "correct" },
        { "tanh-network", "tanh-network.seed-004.yaml", "loss", QuestionStatus.Correct, 1, "correct" },
        { "tanh-network", "tanh-network.seed-004.yaml", "dL-dx1", QuestionStatus.Correct, 1, "correct" },
        { "tanh-network", "tanh-network.seed-004.yaml", "grad-W0", QuestionStatus.Incorrect, 0, "transpose of the key" },
        { "tanh-network", "tanh-network.seed-004.yaml", "grad-W1", QuestionStatus.Incorrect, 0, "transpose of the key: shape (2, 1) where (1, 2)" },
        { "tanh-network", "tanh-network.seed-004.yaml", "W0-next", QuestionStatus.Correct, 1, "correct" },
        { "tanh-network", "tanh-network.seed-004.yaml", "W1-next", QuestionStatus.Correct, 1, "correct" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Seed_solution_is_graded_as_a_TA_would(string assignment, string answers, string question, QuestionStatus status, double score, string feedback)
    {
        var result = Report(assignment, answers).Questions.Single(q => q.Id == question);
        Assert.Equal(status, result.Status);
        Assert.Equal(score, result.Score, 12);
        Assert.Contains(feedback, result.Feedback);
    }

    [Theory]
    [InlineData("sin-network", "sin-network.seed-000.yaml", 9.75, 10)]
    [InlineData("relu-network", "relu-network.seed-001.yaml", 16, 16)]
    [InlineData("residual-block", "residual-block.seed-003.yaml", 7, 14)]
    [InlineData("tanh-network", "tanh-network.seed-004.yaml", 9, 13)]
    public void Totals(string assignment, string answers, double score, double max)
    {
        var report = Report(assignment, answers);
        Assert.Equal(score, report.Score, 12);
        Assert.Equal(max, report.MaxScore);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Seed000_names_the_wrong_cell_for_highlighting()
    {
        var conv = Report("sin-network", "sin-network.seed-000.yaml").Questions.Single(q => q.Id == "conv-stride3");
        Assert.Equal([1, 1], Assert.Single(conv.Wrong));
    }

    private static GradeReport Report(string assignment, string answers)
    {
        var file = AnswerFileReader.ReadFile(Path.Combine(Repo.Assignments, "answers", answers));
        Assert.True(file.File is not null, string.Join("\n", file.Diagnostics));
        return AnswerGrader.Grade(Keys.Load(assignment), file.File!);
    }
}
