using Grader.Domain.Expressions;
using Grader.Domain.Tests.Assignments;

namespace Grader.Domain.Tests.Expressions;

/// <summary>
/// Indexing <c>x[…]</c> and the functions that build, join and rearrange tensors, in the
/// expression language: parsing, values hand-checked (M = [[1, 2, 3], [4, 5, 6]], whose element
/// (i, j) is 3i + j + 1) and refusals at the column of the item at fault.
/// </summary>
public class IndexingTests
{
    private const string M = "[[1, 2, 3], [4, 5, 6]]";

    [Theory]
    [InlineData("x[0]", "x[0]")]
    [InlineData("x[:, 1:3]", "x[:, 1:3]")]
    [InlineData("x[::2]", "x[::2]")]
    [InlineData("x[1:, :-1:2]", "x[1:, :(-1):2]")]
    [InlineData("W[idx][0]", "W[idx][0]")]
    [InlineData("-x[0]^2", "(-(x[0] ^ 2))")]
    [InlineData("f(x)[1] + (a + b)[0]", "(f(x)[1] + (a + b)[0])")]
    [InlineData("[1, 2][0]", "[1, 2][0]")]
    [InlineData("[[1, 2], [3, 4]]", "[[1, 2], [3, 4]]")]
    [InlineData("x[i, j]", "x[i, j]")]
    public void Indexing_is_postfix_on_any_primary(string text, string canonical) =>
        Assert.Equal(canonical, ExprText.Of(ExpressionParser.Parse(text)));

    [Fact]
    public void Walks_and_rewrites_reach_inside_an_index()
    {
        var e = ExpressionParser.Parse("W[idx, k:n:s][0]");
        Assert.Equal(["W", "idx", "k", "n", "s"], ExprText.Names(e).Order());
        var renamed = ExprText.Rewrite(e, x => x is NameExpr { Name: "n" } name ? name with { Name = "m" } : x);
        Assert.Equal("W[idx, k:m:s][0]", ExprText.Of(renamed));
    }

    public static TheoryData<string, int[], double[]> Values => new()
    {
        { $"{M}[1]", [3], [4, 5, 6] },
        { $"{M}[1, 2]", [], [6] },
        { $"{M}[-1, -3]", [], [4] },
        { $"{M}[:, 1:3]", [2, 2], [2, 3, 5, 6] },
        { $"{M}[:, ::2]", [2, 2], [1, 3, 4, 6] },
        { $"{M}[:, -1]", [2], [3, 6] },
        { $"{M}[[1, 0, 1]]", [3, 3], [4, 5, 6, 1, 2, 3, 4, 5, 6] },
        { $"{M}[[0, 1], [2, 0]]", [2], [3, 4] },
        { $"{M}[1][2]", [], [6] },
        { "[0, 1, 2, 3, 4][1:100]", [4], [1, 2, 3, 4] },
        { "[0, 1, 2, 3, 4][3:1]", [0], [] },
        { "[0, 1, 2, 3, 4][-1e300:1e300:1e300]", [1], [0] },
        { $"{M}[:, 1 + 1]", [2], [3, 6] },
        { "concat([[1, 2], [3]])", [3], [1, 2, 3] },
        { $"concat([{M}, [[7], [8]]], axis=1)", [2, 4], [1, 2, 3, 7, 4, 5, 6, 8] },
        { $"concat([{M}, {M}], axis=-2)", [4, 3], [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6] },
        { "stack([[1, 2], [3, 4]], axis=1)", [2, 2], [1, 3, 2, 4] },
        { "stack([1, 2])", [2], [1, 2] },
        { "zeros([2, 3])", [2, 3], [0, 0, 0, 0, 0, 0] },
        { "ones(2)", [2], [1, 1] },
        { "eye(2)", [2, 2], [1, 0, 0, 1] },
        { "eye(2, 3)", [2, 3], [1, 0, 0, 0, 1, 0] },
        { "onehot([2, 0], 3)", [2, 3], [0, 0, 1, 1, 0, 0] },
        { "onehot([1, 3])", [2, 4], [0, 1, 0, 0, 0, 0, 0, 1] },
        { "embedding([[1, 2], [3, 4], [5, 6]], [2, 0, 2])", [3, 2], [5, 6, 1, 2, 5, 6] },
        { "clip([-2, 0.5, 3], 0, 1)", [3], [0, 0.5, 1] },
        { $"transpose({M})", [3, 2], [1, 4, 2, 5, 3, 6] },
        { $"transpose({M}, 0, 1)", [3, 2], [1, 4, 2, 5, 3, 6] },
        { $"permute({M}, [1, 0])", [3, 2], [1, 4, 2, 5, 3, 6] },
        { $"permute(permute(reshape({M}, [1, 2, 3]), [2, 0, 1]), [1, 2, 0])", [1, 2, 3], [1, 2, 3, 4, 5, 6] },
        { $"reshape({M}, [-1, 2])", [3, 2], [1, 2, 3, 4, 5, 6] },
        { $"reshape({M}, -1)", [6], [1, 2, 3, 4, 5, 6] },
        { $"stack([{M}, 10 * {M}])[1, :, 2]", [2], [30, 60] },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Evaluates(string text, int[] shape, double[] expected)
    {
        var y = Evaluate(text);
        Assert.Equal(shape, y.Shape);
        Assert.Equal(expected, y.Data);
    }

    [Theory]
    [InlineData("[1, 2, 3][3]", 11, "index 3 is out of range for axis 0 of size 3")]
    [InlineData("[1, 2, 3][-4]", 11, "out of range")]
    [InlineData("[1, 2, 3][1.5]", 11, "whole number")]
    [InlineData("[1, 2, 3][[0, 7]]", 11, "index 7 is out of range")]
    [InlineData("[1, 2, 3][::-1]", 13, "step must be positive")]
    [InlineData("[1, 2, 3][::0]", 13, "step must be positive")]
    [InlineData("[1, 2, 3][0.5:]", 11, "slice bound must be a whole number")]
    [InlineData("[1, 2, 3][:[1, 2]]", 12, "slice bound must be a whole number, got shape (2,)")]
    [InlineData("[1, 2, 3][0, 0]", 14, "2 indices into a tensor of shape (3,), which has 1 axis")]
    [InlineData("[1, 2, 3][]", 11, "at least one item")]
    [InlineData("[1, 2, 3][0", 12, "expected ']' to close '['")]
    [InlineData("1:2", 2, "unexpected ':'")]
    [InlineData("[[1, 2]][[0, 0], [0, 1, 1]]", 9, "do not broadcast")]
    [InlineData("concat([1, 2])", 1, "numbers have none (stack makes a vector of them)")]
    [InlineData("concat([[1, 2], [[3]]])", 1, "concat along axis 0 needs the other sizes equal")]
    [InlineData("concat(1)", 8, "takes a list of tensors written [a, b, …]")]
    [InlineData("concat([[1], [2, 3]], axis=1)", 1, "out of range")]
    [InlineData("stack([[1], [2, 3]])", 1, "stack needs tensors of one shape, got (1,) and (2,)")]
    [InlineData("onehot([0, 3], 3)", 8, "index 3 is out of range for 3 classes")]
    [InlineData("onehot([-1])", 8, "out of range")]
    [InlineData("embedding([[1, 2]], [1])", 21, "out of range for a table of 1 rows")]
    [InlineData("embedding([1, 2], [0])", 11, "table W is (num, dim)")]
    [InlineData("reshape([1, 2, 3, 4], [-1, 3])", 23, "does not divide")]
    [InlineData("reshape([1, 2, 3, 4], [-1, -1])", 23, "only one size can be -1")]
    [InlineData("transpose([[1, 2]], 0)", 1, "both axes a and b, or neither")]
    [InlineData("permute([[1, 2]], [0, 0])", 1, "permute needs an order of the 2 axes")]
    [InlineData("transpose([[1, 2]], 0, 2)", 1, "axis 2 is out of range")]
    [InlineData("eye(-1)", 5, "must not be negative")]

    // A comparison is PyTorch's bool mask: its shape must be the indexed axes' ("The shape of the mask [3] at
    // index 0 does not match"); a 0-d one (x[True]) is not taken; a mask takes as many axes as it has.
    [InlineData("[[1, 2], [3, 4]][[1, 2, 3] > 1]", 18, "a mask of shape (3,) must match the indexed axes 0 to 0 of (2, 2)")]
    [InlineData("[1, 2][sum([1, 2]) > 0]", 8, "a 0-d mask")]
    [InlineData("[[1, 2], [3, 4]][[[1, 2], [3, 4]] > 1, 0]", 40, "too many indices")]
    public void Refusals_point_at_the_column(string text, int column, string message)
    {
        var ex = Assert.ThrowsAny<ExpressionException>(() => Evaluate(text));
        Assert.Contains(message, ex.Message);
        Assert.Equal(column, ex.Column);
    }

    [Theory]
    [InlineData("zeros([100000, 100000])", "zeros would make a tensor of 10,000,000,000 elements")]
    [InlineData("sum(ones([1000, 1000, 1000]))", "ones would make a tensor of 1,000,000,000 elements")]
    [InlineData("eye(100000)", "eye would make a tensor of 10,000,000,000 elements")]
    [InlineData("onehot([0, 1], 1000000)", "onehot would make a tensor of 2,000,000 elements")]
    [InlineData("concat([zeros(600000), zeros(600000)])", "concat would make a tensor of 1,200,000 elements")]
    [InlineData("stack([zeros(600000), zeros(600000)])", "stack would make a tensor of 1,200,000 elements")]
    [InlineData("zeros([1000, 1000])[[0, 0]]", "indexing would make a tensor of 2,000 elements")]
    public void Growing_results_are_reserved_before_they_are_made(string text, string reason)
    {
        if (reason.Contains("2,000 elements", StringComparison.Ordinal))
        {
            // Under the limits: the reservation happens and the result is made.
            Assert.Equal([2, 1000], Evaluate(text).Shape);
            return;
        }

        Assert.Contains(reason, Assert.ThrowsAny<ExpressionException>(() => Evaluate(text)).Message);
    }

    /// <summary>A comparison kept in a graph node is still a mask when the node indexes (m: x > 0, then x[m]).</summary>
    [Fact]
    public void A_graph_node_holding_a_comparison_indexes_as_a_mask()
    {
        var key = Keys.OfText("values:\n  x: [[1, -2, 3], [-4, 5, 6]]\ngraph:\n  m: x > 0\n  s: sum(x[m] ^ 2)\nquestions:\n  - { id: a, answer: \"x[m]\" }\n  - { id: b, answer: \"grad(s, x)\" }\n");
        Assert.Equal([1.0, 3, 5, 6], key.AnswerTo("a")!.Data);
        Assert.Equal([2.0, 0, 6, 0, 10, 12], key.AnswerTo("b")!.Data);
    }

    [Fact]
    public void A_chain_of_indices_counts_towards_the_nesting_bound()
    {
        Assert.Equal(3, Evaluate("[[[1, 2], [3, 4]]][0][1][0]").ScalarValue);
        var chain = "x" + string.Concat(Enumerable.Repeat("[0]", 1000));
        Assert.Contains("nested deeper", Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(chain)).Message);
    }

    private static Grader.Reference.Tensor Evaluate(string text) =>
        new ExpressionEvaluator(ConstantScope.Instance).Evaluate(ExpressionParser.Parse(text)).Value;
}
