using Grader.Domain.Assignments;
using Grader.Domain.Expressions;
using Grader.Domain.Grading;
using Grader.Domain.Tests.Assignments;

namespace Grader.Domain.Tests.Grading;

/// <summary>
/// Mistakes are named wherever they hide: inside graph nodes the question answers with, in any
/// axis arrangement, and at any stride or padding in a small range.
/// </summary>
public class MistakeFinderTests
{
    // X = [[1, 0, 2], [2, 1, -1], [0, 0, 2]], K = [[1, -1], [0, 2]]. Cross-correlation (the key):
    // [[1·1 + 0·(−1) + 2·0 + 1·2, 0 + (−2) + 0 + (−2)], [2 − 1 + 0 + 0, 1 + 1 + 0 + 4]] = [[3, −4], [1, 6]].
    // The flipped kernel [[2, 0], [−1, 1]] gives [[2 + 0 − 2 + 1, 0 + 0 − 1 − 1], [4 + 0 + 0 + 0, 2 + 0 + 0 + 2]] = [[1, −2], [4, 4]].
    private const string Conv = "id: t\nvalues:\n  X: [[1, 0, 2], [2, 1, -1], [0, 0, 2]]\n  K: [[1, -1], [0, 2]]\n";

    [Theory]
    [InlineData("conv2d(X, K)", "")] // the question's own expression
    [InlineData("Y", "graph:\n  Y: conv2d(X, K)\n")] // a graph node
    [InlineData("Z", "graph:\n  Y: conv2d(X, K)\n  Z: Y\n")] // a node behind a node
    [InlineData("relu(Y) - relu(-Y)", "graph:\n  Y: conv2d(X, K)\n")] // the node inside the question's expression
    public void A_flipped_kernel_is_named_inside_graph_nodes(string answer, string graph)
    {
        var r = Grade.Text($"{Conv}{graph}questions:\n  - id: q\n    answer: {answer}\n", "assignment: t\nanswers:\n  q: [[1, -2], [4, 4]]\n").Questions[0];
        Assert.Contains("kernel flipped", r.Feedback);
    }

    [Fact]
    public void The_flipped_kernel_of_cnn_layer_is_named_through_its_conv_node()
    {
        // cnn-layer's conv question answers with the node `conv: conv2d(x, K, bK)`; answer with the
        // flipped kernels' output, computed here from the assignment itself.
        var assignment = Keys.Load("cnn-layer");
        var key = Grader.Domain.Assignments.AnswerKeyBuilder.Build(assignment, null);
        var flipped = new Grader.Domain.Assignments.VariantScope(assignment, key.ValueMap)
            .Evaluate(assignment.FindQuestion("conv")!, Grader.Domain.Expressions.ExpressionParser.Parse("conv2d(x, flip(K), bK)"))!;
        var file = new AnswerFile("cnn-layer", "s", [new GivenAnswer("conv", flipped, null, new SourcePosition(1, 1), "")], []);
        var r = AnswerGrader.Grade(key, file).Questions.Single(q => q.Id == "conv");
        Assert.Contains("kernel flipped", r.Feedback);
    }

    [Theory]
    [InlineData("w - lr * grad(L, w)", "")]
    [InlineData("wn", "  wn: w - lr * grad(L, w)\n")]
    public void An_ascent_step_is_named_inside_graph_nodes(string answer, string extra)
    {
        // L = Σw², grad = 2w = [2, 4]; w + 0.1·grad = [1.2, 2.4].
        var r = Grade.Text(
            $"id: t\nvalues:\n  w: [1, 2]\n  lr: 0.1\ngraph:\n  L: sum(w^2)\n{extra}questions:\n  - id: q\n    answer: {answer}\n",
            "assignment: t\nanswers:\n  q: [1.2, 2.4]\n").Questions[0];
        Assert.Contains("moves along the gradient", r.Feedback);
    }

    // P = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]: every window's maximum is
    // its bottom-right cell (padding counts as −∞).
    private const string Pool = "id: t\nvalues:\n  P: [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]\n";

    [Theory]
    [InlineData("maxpool2d(P, 2)", "[[6, 7, 8], [10, 11, 12], [14, 15, 16]]", "overlapping windows (stride 1)")] // stride 1 for 2
    [InlineData("maxpool2d(P, 2, stride=1)", "[[6, 8], [14, 16]]", "non-overlapping")] // stride 2 for 1
    [InlineData("maxpool2d(P, 2)", "[[6]]", "at stride 3; here the stride is 2")] // ⌊(4 − 2)/3⌋ + 1 = 1 window
    [InlineData("maxpool2d(P, 3)", "[[11, 12], [15, 16]]", "overlapping windows (stride 1)")]
    [InlineData("maxpool2d(P, 2, stride=1)", "[[6]]", "at stride 3; here the stride is 1")]
    [InlineData("maxpool2d(P, 2)", "[[1, 3, 4], [9, 11, 12], [13, 15, 16]]", "with padding 1; here the padding is 0")]
    [InlineData("Y", "[[6, 7, 8], [10, 11, 12], [14, 15, 16]]", "overlapping windows (stride 1)", "graph:\n  Y: maxpool2d(P, 2)\n")]
    public void Pooling_at_another_stride_or_padding_is_named(string answer, string given, string named, string graph = "")
    {
        var r = Grade.Text($"{Pool}{graph}questions:\n  - id: q\n    answer: {answer}\n", $"assignment: t\nanswers:\n  q: {given}\n").Questions[0];
        Assert.Contains(named, r.Feedback);
    }

    [Theory]
    // Channels last: the key (2, 1, 3) [[[1, 2, 3]], [[4, 5, 6]]] read as (H, W, C) = (1, 3, 2).
    [InlineData("[[[1, 2, 3]], [[4, 5, 6]]]", "[[[1, 4], [2, 5], [3, 6]]]", "channels last")]
    // A (F, C, kH, kW) = (2, 1, 1, 2) kernel in (kH, kW, C, F) = (1, 2, 1, 2) layout.
    [InlineData("[[[[1, 2]]], [[[3, 4]]]]", "[[[[1, 3]], [[2, 4]]]]", "(kH, kW, C, F) instead of (F, C, kH, kW)")]
    // Each matrix of a (2, 2, 3) tensor transposed: (2, 3, 2).
    [InlineData("[[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]", "[[[1, 4], [2, 5], [3, 6]], [[7, 10], [8, 11], [9, 12]]]", "each matrix of your answer is transposed")]
    // Another permutation: (2, 3, 1) → axes (1, 0, 2) gives (3, 2, 1).
    [InlineData("[[[1], [2], [3]], [[4], [5], [6]]]", "[[[1], [4]], [[2], [5]], [[3], [6]]]", "axes in the order (1, 0, 2)")]
    public void Any_axis_permutation_is_named_and_scores_0(string key, string given, string named)
    {
        var r = Grade.One(key, given);
        Assert.Equal(QuestionStatus.Incorrect, r.Status);
        Assert.Equal(0, r.Score);
        Assert.Contains(named, r.Feedback);
    }

    [Fact]
    public void A_symmetric_key_is_never_called_transposed()
    {
        var r = Grade.One("[[1, 2], [2, 1]]", "[[1, 2], [2, 5]]");
        Assert.DoesNotContain("transpose", r.Feedback);
        Assert.Equal(QuestionStatus.Partial, r.Status);
    }

    [Fact]
    public void One_key_names_each_wrong_answer_as_a_fresh_key_does()
    {
        // The mistakes' values are kept with the key; answers graded one after another against
        // one key get exactly the feedback each gets against a key of its own. Padding 1 (−∞) at
        // stride 2 takes windows of rows and columns {−1, 0}, {1, 2}, {3, 4}: [[1, 3, 4], [9, 11, 12], [13, 15, 16]].
        var assignment = AssignmentLoader.Load($"{Pool}graph:\n  Y: maxpool2d(P, 2)\nquestions:\n  - id: q\n    answer: Y\n", "a.yaml").Assignment!;
        var shared = AnswerKeyBuilder.Build(assignment, null);
        foreach (var (given, named) in new[]
        {
            ("[[6, 7, 8], [10, 11, 12], [14, 15, 16]]", "overlapping windows (stride 1)"),
            ("[[1, 3, 4], [9, 11, 12], [13, 15, 16]]", "padding 1"),
            ("[[6, 7, 8], [10, 11, 12], [14, 15, 16]]", "overlapping windows (stride 1)"),
            ("[[6, 9], [14, 16]]", "wrong element"),
        })
        {
            var file = AnswerFileReader.Read($"assignment: t\nanswers:\n  q: {given}\n", "a.yaml").File!;
            var once = AnswerGrader.Grade(shared, file).Questions[0].Feedback;
            Assert.Equal(AnswerGrader.Grade(AnswerKeyBuilder.Build(assignment, null), file).Questions[0].Feedback, once);
            Assert.Contains(named, once);
        }
    }

    [Fact]
    public void A_budget_that_runs_out_while_naming_a_mistake_leaves_the_key_to_name_it_later()
    {
        var assignment = AssignmentLoader.Load($"{Pool}graph:\n  Y: maxpool2d(P, 2)\nquestions:\n  - id: q\n    answer: Y\n", "a.yaml").Assignment!;
        var key = AnswerKeyBuilder.Build(assignment, null);
        var file = AnswerFileReader.Read("assignment: t\nanswers:\n  q: [[6, 7, 8], [10, 11, 12], [14, 15, 16]]\n", "a.yaml").File!;
        using (EvaluationBudget.Use(new EvaluationBudget(TimeSpan.Zero)))
        {
            Assert.DoesNotContain("overlapping", AnswerGrader.Grade(key, file).Questions[0].Feedback);
        }

        Assert.Contains("overlapping windows (stride 1)", AnswerGrader.Grade(key, file).Questions[0].Feedback);
    }

    [Theory]
    [InlineData("cnn-layer", true)] // no random values: every student's key is the same variant
    [InlineData("tanh-network", true)]
    [InlineData("svm-random", false)] // values drawn per student
    public void Keys_of_the_same_variant_share_their_mistake_alternatives(string name, bool shared)
    {
        var assignment = Keys.Load(name);
        var (a, b) = (AnswerKeyBuilder.Build(assignment, "s1"), AnswerKeyBuilder.Build(assignment, "s2"));
        Assert.Equal(shared, ReferenceEquals(MistakeAlternatives.Of(a), MistakeAlternatives.Of(b)));
        Assert.Same(MistakeAlternatives.Of(a), MistakeAlternatives.Of(a));
    }
}
