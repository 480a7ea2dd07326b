using Grader.Domain.Assignments;

namespace Grader.Domain.Tests.Assignments;

/// <summary>
/// Indexing, embedding lookups and joined tensors keyed through an assignment, each value worked
/// out by hand from the identity in its row, and their refusals at line and column.
/// </summary>
public class IndexingKeyTests
{
    private const string Values = """
        values:
          W: [[1, 2], [3, 4], [5, 6], [7, 8]]
          idx: [1, 3, 1]
          a: [1, 2]
          b: [3]
          x: [-1, 0, 0.5, 1, 2]
          v: [1, 2, 3]
          n: 2
        graph:
          k: idx + 1
          f: sum(W[idx]^3)
        """;

    public static TheoryData<string, string, double[]> Keys => new()
    {
        { "∂Σ W[idx]/∂W = bincount(idx) in each column", "grad(sum(W[idx]), W)", [0, 0, 2, 2, 0, 0, 1, 1] },
        { "embedding(W, idx) is W[idx]", "grad(sum(embedding(W, idx)), W)", [0, 0, 2, 2, 0, 0, 1, 1] },
        { "a computed index: W[k - 1] = W[idx]", "W[k - 1]", [3, 4, 7, 8, 3, 4] },
        { "rows and columns: W[idx, 0] pairs each row with column 0", "W[idx, 0]", [3, 7, 3] },
        { "∂/∂W Σ ∂f/∂W = 6W·count for f = Σ W[idx]³", "grad(sum(grad(f, W)), W)", [0, 0, 36, 48, 0, 0, 42, 48] },
        { "concat's gradient: each part its slice of [1, 2, 3]", "grad(sum(concat([a, b]) * [1, 2, 3]), a)", [1, 2] },
        { "concat's gradient reaches the second part", "grad(sum(concat([a, b]) * [1, 2, 3]), b)", [3] },
        { "stack then index gives back the parts", "stack([a, 2 * a], axis=1)[:, 1]", [2, 4] },
        { "stack's gradient: Σ stack([a, a]) counts a twice", "grad(sum(stack([a, a])), a)", [2, 2] },
        { "clip passes the gradient where lo ≤ x ≤ hi, bounds included", "grad(sum(clip(x, 0, 1)), x)", [0, 1, 1, 1, 0] },
        { "a slice's gradient is 1 on the slice", "grad(sum(x[1::2]), x)", [0, 1, 0, 1, 0] },
        { "a slice bound may be a value: ∂(v₀v₁ + v₁v₂)/∂v = [v₁, v₀ + v₂, v₁]", "grad(sum(v[:n] * v[3 - n:]), v)", [2, 4, 2] },
        { "transpose and permute move the gradient back", "grad(sum(transpose(W, 0, 1)[0]), W)", [1, 0, 1, 0, 1, 0, 1, 0] },
        { "onehot takes no gradient: Σ W[:, 0]·onehot(idx, 4)[0]", "grad(sum(W[:, 0] * onehot(idx, 4)[0]), W)", [0, 0, 1, 0, 0, 0, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Keys_follow_the_identities(string identity, string answer, double[] expected)
    {
        var loaded = AssignmentLoader.Load($"id: indexing\ntitle: t\n{Values}\nquestions:\n  - {{ id: q, answer: \"{answer}\" }}\n", "indexing.yaml");
        Assert.True(loaded.Assignment is not null, string.Join("\n", loaded.Diagnostics));
        var key = AnswerKeyBuilder.Build(loaded.Assignment!, null);
        Assert.True(key.IsComplete, identity + ": " + string.Join("\n", key.Failures));
        Assert.Equal(expected, key.AnswerTo("q")!.Data);
    }

    [Fact]
    public void Slices_need_no_quotes_in_a_block_mapping()
    {
        // YAML reads ": " as a key's end, so a slice is written without a space after its colon.
        var loaded = AssignmentLoader.Load($"id: t\n{Values}\n  s: W[1:3, :]\nquestions:\n  - id: q\n    answer: s[:, -1]\n", "t.yaml");
        Assert.True(loaded.Assignment is not null, string.Join("\n", loaded.Diagnostics));
        var key = AnswerKeyBuilder.Build(loaded.Assignment!, null);
        Assert.True(key.IsComplete, string.Join("\n", key.Failures));
        Assert.Equal([4.0, 6], key.AnswerTo("q")!.Data);
    }

    /// <summary>Each refusal's column is the YAML line's: the answer starts at column 13, after "    answer: ".</summary>
    public static TheoryData<string, string, int, string> Refusals => new()
    {
        { "grad with respect to an index", "grad(sum(W[idx]), idx)", 31, "'idx' is an index in the expression differentiated" },
        { "grad with respect to what an index is computed from", "grad(f + sum(W[k - 1]), k)", 37, "'k' is an index" },
        { "grad with respect to a one-hot's index", "grad(sum(onehot(idx, 4)), idx)", 39, "takes no gradient" },
        { "grad with respect to an index through a gradient node", "grad(sum(grad(f, W)), idx)", 35, "'idx' is an index" },
        { "grad with respect to a slice bound", "grad(sum(v[:n]), n)", 30, "'n' is an index" },
        { "an index out of range", "W[4]", 15, "index 4 is out of range for axis 0 of size 4" },
        { "an index list out of range", "W[k]", 15, "index 4 is out of range" },
        { "a non-integer index", "W[x]", 15, "whole number, got 0.5" },
        { "a negative step", "x[::-1]", 17, "step must be positive" },
        { "too many indices", "x[0, 1]", 18, "2 indices into a tensor of shape (5,)" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Validate_refuses_at_line_and_column(string name, string answer, int column, string message)
    {
        var yaml = $"id: t\n{Values}\nquestions:\n  - id: q\n    answer: {answer}\n";
        var line = yaml.Split('\n').Length - 1;
        var diagnostics = AssignmentErrorTests.Validate(yaml);
        Assert.True(
            diagnostics.Any(d => d.Line == line && d.Column == column && d.Message.Contains(message)),
            $"{name}: expected '{message}' at {line}:{column}, got:\n" + string.Join("\n", diagnostics));
    }
}
