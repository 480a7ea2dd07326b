using Grader.Domain.Tests.Assignments;

namespace Grader.Domain.Tests.Graphs;

/// <summary><c>validate</c> checks graph questions at the line and column of the fault.</summary>
public class GraphQuestionValidationTests
{
    private const string Head = "id: t\nvalues:\n  x: [2, 1]\n  w: [1, 2]\n  b: 0\ngraph:\n  s: w @ x\n  y: sin(s) - b\n  v: w * x\nquestions:\n  - id: g\n    kind: graph\n";

    public static TheoryData<string, string, int, int, string> Cases => new()
    {
        { "answer is a value", Head + "    answer: w\n", 13, 13, "'w' is a value, not a graph node" },
        { "answer is unknown", Head + "    answer: yy\n", 13, 13, "'yy' is not a graph node (did you mean 'y'?)" },
        { "unknown input", Head + "    answer: y\n    inputs: [w, x, c]\n", 14, 20, "unknown input 'c'" },
        { "input is a node", Head + "    answer: y\n    inputs: [w, s]\n", 14, 17, "it is a graph node; inputs are values" },
        { "input twice", Head + "    answer: y\n    inputs: [w, w]\n", 14, 17, "listed twice" },
        { "unknown annotation", Head + "    answer: y\n    annotate: [value, gard]\n", 14, 23, "unknown annotation 'gard' (did you mean 'grad'?)" },
        { "grad without value", Head + "    answer: y\n    annotate: [grad]\n", 14, 15, "write [value, grad]" },
        { "grad of a vector output", Head + "    answer: v\n    annotate: [value, grad]\n", 14, 15, "grad annotations need a scalar output, but v has shape (2,)" },
        { "weights do not sum to 1", Head + "    answer: y\n    weights: { function: 0.5, structure: 0.25 }\n", 14, 14, "weights must sum to 1, got 0.75" },
        { "weights on annotations without any", Head + "    answer: y\n    weights: { function: 0.5, structure: 0.25, annotations: 0.25 }\n", 14, 14, "asks for no annotations" },
        { "unknown weight", Head + "    answer: y\n    annotate: [value]\n    weights: { function: 1, structure: 0, anotations: 0 }\n", 15, 43, "unknown key 'anotations'" },
        { "unknown kind", "id: t\nquestions:\n  - id: q\n    kind: graf\n    answer: 1\n", 4, 11, "kind must be value (the default) or graph" },
        { "graph keys without kind", "id: t\nvalues:\n  a: 1\nquestions:\n  - id: q\n    answer: a\n    inputs: [a]\n", 7, 5, "add 'kind: graph'" },
        { "key graph uses grad", "id: t\nvalues:\n  w: 1\ngraph:\n  L: w * w\n  g: grad(L, w)\nquestions:\n  - id: q\n    kind: graph\n    answer: g\n", 10, 13, "uses grad, which is not an operation" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_problem_at_its_position(string name, string yaml, int line, int column, string message)
    {
        var diagnostics = AssignmentErrorTests.Validate(yaml);
        Assert.True(
            diagnostics.Any(d => d.Line == line && d.Column == column && d.Message.Contains(message)),
            $"{name}: expected '{message}' at {line}:{column}, got:\n" + string.Join("\n", diagnostics));
    }

    [Theory]
    [InlineData("    answer: y\n")]
    [InlineData("    answer: y\n    inputs: [w, x, b]\n    annotate: [value, grad]\n    weights: { function: 0.6, structure: 0.2, annotations: 0.2 }\n")]
    [InlineData("    answer: v\n    annotate: [value]\n")]
    [InlineData("    answer: y\n    annotate: []\n")]
    public void A_good_graph_question_validates(string rest) =>
        Assert.Empty(AssignmentErrorTests.Validate(Head + rest));

    [Fact]
    public void The_flow_form_reads_the_same()
    {
        var loaded = Grader.Domain.Assignments.AssignmentLoader.Load(Head.Replace("  - id: g\n    kind: graph\n", "  - { id: g, kind: graph, answer: y, inputs: [w, x, b], annotate: [value, grad], points: 2 }\n"), "t.yaml");
        Assert.True(loaded.Assignment is not null, string.Join("\n", loaded.Diagnostics));
        var spec = loaded.Assignment!.Questions[0].Graph!;
        Assert.Equal(["w", "x", "b"], spec.Inputs);
        Assert.True(spec.AnnotateValue && spec.AnnotateGrad);
        Assert.Equal(new Grader.Domain.Graphs.GraphWeights(0.5, 0.25, 0.25), spec.Weights);
    }
}
