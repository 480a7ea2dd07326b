using Grader.Domain.Grading;
using Grader.Domain.Tests.Grading;

namespace Grader.Domain.Tests.Graphs;

/// <summary>
/// Graph questions graded as docs/assignments.md states. The sine neuron is seed 000's (wᵀx = 2π, y = 0);
/// the annotated graph is seed 002's (x+y)z at x = −2, y = 5, z = −4: q = 3, f = −12, ∂f/∂q = z = −4,
/// ∂f/∂x = ∂f/∂y = −4, ∂f/∂z = q = 3.
/// </summary>
public class GraphGraderTests
{
    private const string Sine = """
        id: t
        values:
          x: [2, 1]
          w: [pi/2, pi]
          b: 0
        graph:
          s: w @ x
          y: sin(s) - b
        questions:
          - id: g
            kind: graph
            answer: y
            points: 4
        """;

    internal const string Product = """
        id: t
        values:
          x: -2
          y: 5
          z: -4
        graph:
          q: x + y
          f: q * z
        questions:
          - id: g
            kind: graph
            answer: f
            annotate: [value, grad]
            points: 7
        """;

    internal const string ProductAnswer = """
            - { node: q = x + y, value: 3, grad: -4 }
            - { node: f = q * z, value: -12, grad: 1 }
            - { input: x, grad: -4 }
            - { input: y, grad: -4 }
            - { input: z, grad: 3 }

        """;

    private static QuestionResult GradeLines(string assignment, params string[] lines) =>
        GradeYaml(assignment, string.Concat(lines.Select(l => $"    - \"{l}\"\n")));

    internal static QuestionResult GradeYaml(string assignment, string answer) =>
        Assert.Single(Grade.Text(assignment, $"assignment: t\nstudent: s\nanswers:\n  g:\n{answer}").Questions);

    public static TheoryData<string, string[]> Equivalent => new()
    {
        { "the key's own split", ["s = w @ x", "t = sin(s)", "y = t - b"] },
        { "renamed, operands commuted", ["p = x @ w", "q = sin(p)", "out = q - b"] },
        { "a finer split of w @ x by element", ["p = w[0] * x[0]", "q = x[1] * w[1]", "s = p + q", "t = sin(s)", "y = t - b"] },
        { "sub as add and neg, @ as dot", ["s = dot(w, x)", "t = sin(s)", "nb = -b", "y = t + nb"] },
        { "a product and a sum in place of @", ["m = w * x", "s = sum(m)", "t = sin(s)", "y = t - b"] },
    };

    [Theory]
    [MemberData(nameof(Equivalent))]
    public void Equivalent_graphs_written_five_ways_score_full(string way, string[] lines)
    {
        var r = GradeLines(Sine, lines);
        Assert.True(r.Status == QuestionStatus.Correct, $"{way}: {r.Feedback}");
        Assert.Equal(4, r.Score, 12);
        Assert.Equal(3, r.Graph!.Parts.Function, 12);
        Assert.Equal(1, r.Graph.Parts.Structure, 12);
    }

    public static TheoryData<string, string[], QuestionStatus, double, string> Verdicts => new()
    {
        { "one node", ["y = sin(w @ x) - b"], QuestionStatus.Incorrect, 0, "the whole function is written in one node: line 1 does three operations: @, sin and -; draw one node for each" },
        { "wrong op", ["s = w @ x", "t = cos(s)", "y = t - b"], QuestionStatus.Partial, 1, "line 2 (t = cos(s)): the key applies sin here" },
        { "wrong op after a finer split", ["p = w[0] * x[0]", "q = x[1] * w[1]", "s = p + q", "t = cos(s)", "y = t - b"], QuestionStatus.Partial, 1, "line 4 (t = cos(s)): the key applies sin here" },
        { "missing input", ["s = w @ x", "y = sin(s)"], QuestionStatus.Partial, 1, "missing input: the output does not depend on b" },
        { "cycle", ["s = w @ x", "t = sin(y)", "y = t - b"], QuestionStatus.Invalid, 0, "line 2: the graph has a cycle: t -> y -> t" },
        { "self cycle", ["s = w @ s"], QuestionStatus.Invalid, 0, "line 1: the graph has a cycle: s -> s" },
        { "unknown op", ["s = w @ x", "t = sine(s)", "y = t - b"], QuestionStatus.Invalid, 0, "line 2: unknown operation 'sine' (did you mean 'sin'?)" },
        { "undefined name", ["s = w @ x", "t = sin(u)", "y = t - b"], QuestionStatus.Invalid, 0, "line 2: 'u' is not defined" },
        { "used before defined", ["t = sin(s)", "s = w @ x", "y = t - b"], QuestionStatus.Invalid, 0, "line 1: 's' is used before it is defined (at line 2)" },
        { "an input's name reused", ["x = w @ x"], QuestionStatus.Invalid, 0, "line 1: 'x' is an input; name the node otherwise" },
        { "defined twice", ["s = w @ x", "s = sin(s)"], QuestionStatus.Invalid, 0, "line 2: 's' is already defined at line 1" },
        { "parse error", ["s = w @ x", "t = sin(s))"], QuestionStatus.Invalid, 0, "line 2, column 7 of 'sin(s))': unexpected ')'" },
        { "grad is not an op", ["s = grad(w, x)"], QuestionStatus.Invalid, 0, "line 1: grad is not an operation of a computational graph" },
        { "unused node", ["s = w @ x", "u = cos(s)", "t = sin(s)", "y = t - b"], QuestionStatus.Correct, 4, "line 2 (u = cos(s)) is not used by the output (the last node, y)" },
        { "two operations in a line", ["s = w @ x", "y = sin(s) - b"], QuestionStatus.Partial, 3, "line 2 does two operations: sin and -; draw one node for each" },
        { "index out of range", ["p = w[2] * x[0]"], QuestionStatus.Invalid, 0, "line 1 (p = w[2] * x[0]): w[2] is outside w, of shape (2,)" },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void Wrong_graphs_get_named_verdicts(string name, string[] lines, QuestionStatus status, double score, string feedback)
    {
        var r = GradeLines(Sine, lines);
        Assert.True(r.Feedback.Contains(feedback), $"{name}: {r.Feedback}");
        Assert.Equal(status, r.Status);
        Assert.Equal(score, r.Score, 12);
    }

    [Fact]
    public void A_leaf_that_is_not_an_input_is_refused()
    {
        var r = GradeLines(Sine.Replace("answer: y\n", "answer: y\n    inputs: [w, x]\n"), "s = w @ x", "t = sin(s)", "y = t - b");
        Assert.Equal(QuestionStatus.Invalid, r.Status);
        Assert.Contains("line 3: 'b' is not an input of this question (the inputs are w, x)", r.Feedback);
    }

    [Fact]
    public void While_the_key_is_withheld_feedback_names_the_line_not_the_key_operation()
    {
        var r = GradeLines(Sine, "s = w @ x", "t = cos(s)", "y = t - b");
        var student = KeyRedaction.ForStudent(new GradeReport("t", "s", r.Score, r.MaxScore, [r], []), _ => true).Questions[0];
        Assert.Contains("line 2 (t = cos(s)) does not match the key's graph", student.Feedback);
        Assert.DoesNotContain("sin", student.Feedback);
        Assert.Null(student.Graph!.Expected);
        Assert.All(student.Graph.Nodes, n => Assert.Null(n.Matched));
    }

    [Fact]
    public void The_seed_annotated_graph_scores_full()
    {
        var r = GradeYaml(Product, ProductAnswer);
        Assert.True(r.Status == QuestionStatus.Correct, r.Feedback);
        Assert.Equal(7, r.Score, 12);
        Assert.Equal(["q", "f", "x", "y", "z"], r.Graph!.Nodes.Select(n => n.Name));
        Assert.Equal(["q", "f", "x", "y", "z"], r.Graph.Nodes.Select(n => n.Matched));
    }

    [Fact]
    public void One_wrong_gradient_loses_exactly_that_share_and_is_named()
    {
        // 7 annotations (2 values, 2 node gradients, 3 input gradients) share a quarter of 7 points.
        var r = GradeYaml(Product, ProductAnswer.Replace("{ input: x, grad: -4 }", "{ input: x, grad: 4 }"));
        Assert.Equal(QuestionStatus.Partial, r.Status);
        Assert.Equal(7 - (0.25 * 7 / 7), r.Score, 12);
        Assert.Contains("line 3: the gradient of x is wrong", r.Feedback);
        Assert.Contains("an add node passes its upstream gradient unchanged to both inputs: x's gradient is q's", r.Feedback);
        Assert.Equal("wrong", r.Graph!.Nodes.Single(n => n.Name == "x").Grad);
        Assert.All(r.Graph.Nodes.Where(n => n.Name != "x"), n => Assert.NotEqual("wrong", n.Grad));
    }

    [Fact]
    public void A_wrong_mul_gradient_names_the_swap()
    {
        var r = GradeYaml(Product, ProductAnswer.Replace("{ input: z, grad: 3 }", "{ input: z, grad: -4 }"));
        Assert.Contains("a mul node swaps its inputs' values: z's gradient is f's gradient times the other input's value", r.Feedback);
    }

    [Fact]
    public void Annotations_of_a_wrong_graph_earn_their_share_against_the_students_own_graph()
    {
        // q = x - y: q = −7, f = 28; ∂f/∂q = −4, ∂f/∂x = −4, ∂f/∂y = 4, ∂f/∂z = −7, all correct for that graph.
        var answer = """
                - { node: q = x - y, value: -7, grad: -4 }
                - { node: f = q * z, value: 28, grad: 1 }
                - { input: x, grad: -4 }
                - { input: y, grad: 4 }
                - { input: z, grad: -7 }

            """;
        var r = GradeYaml(Product, answer);
        Assert.Equal(0, r.Graph!.Parts.Function);
        Assert.Equal(0.25 * 7, r.Graph.Parts.Structure, 12);
        Assert.Equal(0.25 * 7, r.Graph.Parts.Annotations, 12);
        Assert.Contains("line 1 (q = x - y): the key applies + here", r.Feedback);
    }

    [Fact]
    public void A_missing_annotation_scores_zero_for_its_share()
    {
        var r = GradeYaml(Product, ProductAnswer.Replace("    - { input: y, grad: -4 }\n", ""));
        Assert.Equal(7 - (0.25 * 7 / 7), r.Score, 12);
        Assert.Equal("missing", r.Graph!.Nodes.Single(n => n.Name == "y").Grad);
    }

    [Fact]
    public void A_value_to_a_graph_question_is_invalid()
    {
        var r = GradeYaml(Sine, "    0\n");
        Assert.Equal(QuestionStatus.Invalid, r.Status);
        Assert.Contains("this question asks for a graph", r.Feedback);
    }

    [Fact]
    public void Node_lines_to_a_value_question_are_invalid()
    {
        var r = Grade.One("1", "[\"s = 1 + 2\"]");
        Assert.Equal(QuestionStatus.Invalid, r.Status);
        Assert.Contains("node lines such as", r.Feedback);
    }

    [Fact]
    public void The_verdict_is_repeatable()
    {
        var lines = new[] { "s = w @ x", "t = sin(s)", "y = t" };
        Assert.Equal(GradeLines(Sine, lines).Feedback, GradeLines(Sine, lines).Feedback);
    }

    [Fact]
    public void A_deep_chain_of_200_nodes_is_graded()
    {
        var lines = new List<string> { "c0 = x + y" };
        lines.AddRange(Enumerable.Range(1, 198).Select(i => $"c{i} = c{i - 1} + 0"));
        lines.Add("f = c198 * z");
        var r = GradeLines(Product, [.. lines]);
        Assert.Equal(0.5 * 7 + 0.25 * 7, r.Score, 12);
        Assert.Equal(200, r.Graph!.Nodes.Count(n => !n.IsInput));
    }
}
