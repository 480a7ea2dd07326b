using Grader.Domain.Tests.Assignments;

namespace Grader.Domain.Tests.Expressions;

/// <summary>
/// Broadcasting by NumPy's and PyTorch's rule, comparisons and where, keyed through an assignment;
/// each expected value is worked out by hand from the rule.
/// </summary>
public class BroadcastingTests
{
    [Theory]
    [InlineData("[[1, 2], [3, 4]] + [10, 20]", new[] { 2, 2 }, new[] { 11.0, 22, 13, 24 })]
    [InlineData("[[1], [2]] * [1, 10, 100]", new[] { 2, 3 }, new[] { 1.0, 10, 100, 2, 20, 200 })]
    [InlineData("[[5]] + [1, 2, 3]", new[] { 1, 3 }, new[] { 6.0, 7, 8 })]
    [InlineData("[2] ^ [1, 2, 3]", new[] { 3 }, new[] { 2.0, 4, 8 })]
    [InlineData("[1, 2, 3] > 2", new[] { 3 }, new[] { 0.0, 0, 1 })]
    [InlineData("[1, 2, 3] >= 2", new[] { 3 }, new[] { 0.0, 1, 1 })]
    [InlineData("[1, 2, 3] < 2", new[] { 3 }, new[] { 1.0, 0, 0 })]
    [InlineData("[1, 2, 3] <= 2", new[] { 3 }, new[] { 1.0, 1, 0 })]
    [InlineData("[1, 2] == [1, 3]", new[] { 2 }, new[] { 1.0, 0 })]
    [InlineData("[1, 2] != [1, 3]", new[] { 2 }, new[] { 0.0, 1 })]
    [InlineData("1 + 1 == 2", new int[0], new[] { 1.0 })]
    [InlineData("[[1], [2]] < [1, 2, 3]", new[] { 2, 3 }, new[] { 0.0, 1, 1, 0, 0, 1 })]
    [InlineData("where([1, 0, 2], [1, 2, 3], [7, 8, 9])", new[] { 3 }, new[] { 1.0, 8, 3 })]
    [InlineData("where([[1], [0]], [1, 2], 0)", new[] { 2, 2 }, new[] { 1.0, 2, 0, 0 })]
    [InlineData("minimum([1, 5], 3)", new[] { 2 }, new[] { 1.0, 3 })]
    [InlineData("[[[1, 2]], [[3, 4]]] @ [[[1], [1]], [[2], [0]]]", new[] { 2, 1, 1 }, new[] { 3.0, 6 })]
    [InlineData("[[[1, 2]], [[3, 4]]] @ [[1], [1]]", new[] { 2, 1, 1 }, new[] { 3.0, 7 })]
    [InlineData("[[[1, 2]], [[3, 4]]] @ [1, -1]", new[] { 2, 1 }, new[] { -1.0, -1 })]
    [InlineData("[1, 1] @ [[[1, 0], [0, 1]], [[2, 0], [0, 3]]]", new[] { 2, 2 }, new[] { 1.0, 1, 2, 3 })]
    [InlineData("maximum([[1], [5]], [2, 3])", new[] { 2, 2 }, new[] { 2.0, 3, 5, 5 })]
    public void Broadcast_values(string answer, int[] shape, double[] expected)
    {
        var key = Keys.OfText($"questions:\n  - {{ id: q, answer: \"{answer}\" }}\n").AnswerTo("q")!;
        Assert.Equal(shape, key.Shape);
        Assert.Equal(expected, key.Data);
    }

    [Fact]
    public void A_bias_added_to_a_batch_gets_the_gradient_summed_over_the_batch()
    {
        // z = X + b with X (2, 3) and b (3); L = Σ z·w with w = [[1, 2, 3], [4, 5, 6]]: ∂L/∂b = Σ over rows = [5, 7, 9].
        var key = Keys.OfText("""
            values:
              X: [[1, 2, 3], [4, 5, 6]]
              b: [0.5, -1, 2]
              w: [[1, 2, 3], [4, 5, 6]]
            graph:
              z: X + b
              L: sum(z * w)
            questions:
              - { id: db, answer: "grad(L, b)" }
              - { id: dX, answer: "grad(L, X)" }
            """);
        Assert.Equal([5.0, 7, 9], key.AnswerTo("db")!.Data);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], key.AnswerTo("dX")!.Data);
    }

    [Fact]
    public void No_gradient_flows_through_a_comparison_and_where_routes_it_by_branch()
    {
        // L = Σ where(x > 0, x², −x) at x = [−2, 3]: ∂L/∂x = [−1, 6]; the mask x > 0 adds nothing.
        var key = Keys.OfText("""
            values:
              x: [-2, 3]
            graph:
              L: sum(where(x > 0, x^2, -x))
            questions:
              - { id: dx, answer: "grad(L, x)" }
              - { id: dmask, answer: "grad(sum(x > 0), x)" }
            """);
        Assert.Equal([-1.0, 6], key.AnswerTo("dx")!.Data);
        Assert.Equal([0.0, 0], key.AnswerTo("dmask")!.Data);
    }

    [Theory]
    [InlineData("[1, 2] + [1, 2, 3]", "(2,) and (3,)", 30)]
    [InlineData("[[1, 2], [3, 4]] * [1, 2, 3]", "(2, 2) and (3,)", 40)]
    [InlineData("[1, 2] < [1, 2, 3]", "(2,) and (3,)", 30)]
    public void Shapes_that_do_not_broadcast_are_refused_naming_both(string answer, string shapes, int column)
    {
        var problems = Keys.ProblemsOf($"questions:\n  - {{ id: q, answer: \"{answer}\" }}\n");
        Assert.Contains(shapes, problems);
        Assert.Contains("broadcast", problems);
        Assert.Contains($"4:{column}:", problems); // line 4 of the inline file, at the operator
    }
}
