using Grader.Domain.Assignments;

namespace Grader.Domain.Tests.Assignments;

/// <summary>Every kind of bad assignment gets a clear message at the right line and column.</summary>
public class AssignmentErrorTests
{
    private const string Head = "id: t\nquestions:\n  - id: q\n    answer: 1\n";

    public static TheoryData<string, string, int, int, string> Cases => new()
    {
        { "malformed YAML", "id: t\nvalues: [1, 2\nquestions: []\n", 2, 11, "YAML syntax" },
        { "tab indentation", "id: t\n\tvalues: 1\n", 1, 5, "YAML syntax" },
        { "tab indentation in a mapping", "id: t\nvalues:\n\ta: 1\n" + Head[6..], 3, 1, "YAML syntax" },
        { "not a mapping", "- 1\n- 2\n", 1, 1, "an assignment is a mapping" },
        { "unknown top-level key", Head + "qustions: []\n", 5, 1, "unknown key 'qustions'" },
        { "missing id", "questions:\n  - id: q\n    answer: 1\n", 1, 1, "needs an id" },
        { "bad id", "id: my assignment\nquestions:\n  - id: q\n    answer: 1\n", 1, 5, "letters, digits and '-'" },
        { "no questions", "id: t\n", 1, 1, "needs a list of questions" },
        { "duplicate question id", Head + "  - id: q\n    answer: 2\n", 5, 9, "duplicate question id 'q'" },
        { "duplicate key", "id: t\nid: u\n", 2, 1, "duplicate key 'id'" },
        { "duplicate name", "id: t\nvalues:\n  a: 1\ngraph:\n  a: 2\n" + Head[6..], 5, 3, "'a' is already defined at line 3" },
        { "reserved name", "id: t\nvalues:\n  sum: 1\n" + Head[6..], 3, 3, "built-in name" },
        { "unknown name in graph", "id: t\ngraph:\n  y: 2 * zz\n" + Head[6..], 3, 10, "unknown name 'zz'" },
        { "unknown name suggests", "id: t\nvalues:\n  W: 1\ngraph:\n  y: 2 * w\n" + Head[6..], 5, 10, "did you mean 'W'" },
        { "unknown name in answer", "id: t\nquestions:\n  - id: q\n    answer: 3 + nope\n", 4, 17, "unknown name 'nope'" },
        { "unknown function", "id: t\nquestions:\n  - id: q\n    answer: mish(1)\n", 4, 13, "unknown function 'mish'" },
        { "cycle", "id: t\ngraph:\n  a: b + 1\n  b: a * 2\n" + Head[6..], 4, 6, "cycle in the graph: a -> b -> a" },
        { "self cycle", "id: t\ngraph:\n  a: a + 1\n" + Head[6..], 3, 6, "cycle in the graph: a -> a" },
        { "shape mismatch", "id: t\nvalues:\n  W: [[1, 2], [3, 4]]\n  x: [1, 2, 3]\ngraph:\n  y: W @ x\n" + Head[6..], 6, 8, "(2, 2) @ (3,)" },
        { "element-wise mismatch", "id: t\nvalues:\n  a: [1, 2]\n  b: [1, 2, 3]\ngraph:\n  y: a + b\n" + Head[6..], 6, 8, "(2,) and (3,)" },
        { "grad of non-scalar", "id: t\nvalues:\n  w: [1, 2]\nquestions:\n  - id: q\n    answer: grad(w * 2, w)\n", 6, 18, "grad needs a scalar" },
        { "grad of an expression", "id: t\nvalues:\n  w: 1\nquestions:\n  - id: q\n    answer: grad(w, 2*w)\n", 6, 21, "name of a value or graph node" },
        { "network used as value", "id: t\nnetworks:\n  n:\n    input: [3]\n    layers: [dense: 2]\nquestions:\n  - id: q\n    answer: n + 1\n", 8, 13, "is a network" },
        { "bad layer", "id: t\nnetworks:\n  n:\n    input: [3]\n    layers: [dense: 2, convolve: {}]\n" + Head[6..], 5, 24, "unknown layer 'convolve'" },
        { "layer does not fit", "id: t\nnetworks:\n  n:\n    input: [1, 4, 4]\n    layers:\n      - conv2d: { filters: 2, kernel: 5 }\n" + Head[6..], 6, 9, "does not fit" },
        { "conv on a vector", "id: t\nnetworks:\n  n:\n    input: [10]\n    layers:\n      - conv2d: { filters: 2, kernel: 3 }\n" + Head[6..], 6, 9, "needs a (C, H, W) input" },
        { "layer index out of range", "id: t\nnetworks:\n  n:\n    input: [3]\n    layers: [dense: 2]\nquestions:\n  - id: q\n    answer: params(n, 2)\n", 8, 23, "layers 1 to 1" },
        { "bad uniform", "id: t\nvalues:\n  x: { uniform: [2, 1] }\n" + Head[6..], 3, 17, "lo <= hi" },
        { "two distributions", "id: t\nvalues:\n  x: { uniform: [0, 1], normal: [0, 1] }\n" + Head[6..], 3, 6, "exactly one of" },
        { "decimals on integers", "id: t\nvalues:\n  x: { integers: [0, 3], decimals: 1 }\n" + Head[6..], 3, 36, "applies to uniform and normal" },
        { "unknown random key", "id: t\nvalues:\n  x: { uniform: [0, 1], shap: [2] }\n" + Head[6..], 3, 25, "unknown key 'shap'" },
        { "giant random tensor", "id: t\nvalues:\n  x: { uniform: [0, 1], shape: [100000, 100000] }\n" + Head[6..], 3, 32, "holds more than" },
        { "empty choice", "id: t\nvalues:\n  k: { choice: [] }\n" + Head[6..], 3, 16, "non-empty list" },
        { "ragged value", "id: t\nvalues:\n  W: [[1, 2], [3]]\n" + Head[6..], 3, 15, "ragged" },
        { "value uses a name", "id: t\nvalues:\n  a: 1\n  b: a + 1\n" + Head[6..], 4, 6, "'a' is not a constant" },
        { "infinite value", "id: t\nvalues:\n  x: 10^10^10\n" + Head[6..], 3, 6, "not finite" },
        { "NaN in the graph", "id: t\ngraph:\n  y: log(0 - 1)\n" + Head[6..], 3, 6, "not finite" },
        { "NaN answer", "id: t\nquestions:\n  - id: q\n    answer: sqrt(-1)\n", 4, 13, "not finite" },
        { "bad tolerance", Head + "    tolerance: { rel: -1 }\n", 5, 23, "must not be negative" },
        { "mixed tolerance", Head + "    tolerance: { rel: 0.1, sigfigs: 2 }\n", 5, 16, "choose one of" },
        { "bad sigfigs", Head + "    tolerance: { sigfigs: 0 }\n", 5, 27, "from 1 to 15" },
        { "bad show_key", Head + "    show_key: sometimes\n", 5, 15, "after_due, after_grading, never or always" },
        { "negative points", Head + "    points: -2\n", 5, 13, "points must be from 0" },
        { "alias bomb", "id: t\na: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n", 6, 4, "expands to more than" },
        { "deep nesting", "id: t\nvalues:\n  x: " + new string('[', 100) + "1" + new string(']', 100) + "\n", 3, 36, "nesting deeper" },
        { "two documents", Head + "---\nid: u\n", 5, 1, "one YAML document" },
        { "empty file", "", 1, 1, "empty" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_problem_at_its_position(string name, string yaml, int line, int column, string message)
    {
        var diagnostics = Validate(yaml);
        Assert.True(
            diagnostics.Any(d => d.Line == line && d.Column == column && d.Message.Contains(message)),
            $"{name}: expected '{message}' at {line}:{column}, got:\n" + string.Join("\n", diagnostics));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var yaml = "id: t\nvalues:\n  a: [1, 2]\ngraph:\n  x: a @ [1, 2, 3]\n  y: zz\nquestions:\n  - id: q\n    answer: nope\n  - id: r\n    answer: x + 1\n";
        var diagnostics = Validate(yaml);

        // x fails (shape), y fails (unknown name), q fails (unknown name); r only depends on x and is not repeated.
        Assert.Equal(3, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("test.yaml", d.File));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_parsing()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "id: t\n# " + new string('x', (int)Limits.MaxFileBytes) + "\n");
            var (_, diagnostics) = AssignmentValidator.ValidateFile(path);
            Assert.Contains("the limit is", Assert.Single(diagnostics).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_reported()
    {
        var (_, diagnostics) = AssignmentValidator.ValidateFile("/nonexistent/assignment.yaml");
        Assert.Contains("file not found", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Diagnostics_print_as_file_line_column_message() =>
        Assert.Equal("a.yaml:3:7: boom", new Diagnostic("a.yaml", 3, 7, "boom").ToString());

    internal static IReadOnlyList<Diagnostic> Validate(string yaml)
    {
        var loaded = AssignmentLoader.Load(yaml, "test.yaml");
        return loaded.Assignment is null ? loaded.Diagnostics : AssignmentValidator.Evaluate(loaded.Assignment);
    }
}
