using Grader.Domain.Tests.Assignments;

namespace Grader.Domain.Tests.Expressions;

/// <summary>Reductions along axes, softmax along an axis and argmax, keyed through an assignment; values by hand.</summary>
public class AxesTests
{
    private const string X = "[[1, 2], [3, 4]]";

    [Theory]
    [InlineData("sum(X, axis=0)", new[] { 2 }, new[] { 4.0, 6 })]
    [InlineData("sum(X, axis=1)", new[] { 2 }, new[] { 3.0, 7 })]
    [InlineData("sum(X, dim=-1, keepdim=true)", new[] { 2, 1 }, new[] { 3.0, 7 })]
    [InlineData("sum(X, axis=[0, 1])", new int[0], new[] { 10.0 })]
    [InlineData("sum(X, keepdims=True)", new[] { 1, 1 }, new[] { 10.0 })]
    [InlineData("mean(X, axis=0)", new[] { 2 }, new[] { 2.0, 3 })]
    [InlineData("max(X, axis=0)", new[] { 2 }, new[] { 3.0, 4 })]
    [InlineData("min(X, axis=1, keepdims=true)", new[] { 2, 1 }, new[] { 1.0, 3 })]
    [InlineData("min(X)", new int[0], new[] { 1.0 })]
    [InlineData("var([1, 2, 3, 4])", new int[0], new[] { 1.25 })]
    [InlineData("var(X, axis=0, unbiased=true)", new[] { 2 }, new[] { 2.0, 2 })]
    [InlineData("std(X, axis=1)", new[] { 2 }, new[] { 0.5, 0.5 })]
    [InlineData("prod(X, axis=0)", new[] { 2 }, new[] { 3.0, 8 })]
    [InlineData("prod(X)", new int[0], new[] { 24.0 })]
    [InlineData("softmax([[0, 0], [0, 0]], axis=0)", new[] { 2, 2 }, new[] { 0.5, 0.5, 0.5, 0.5 })]
    [InlineData("argmax([[1, 5, 5], [7, 0, 7]], axis=1)", new[] { 2 }, new[] { 1.0, 0 })]
    [InlineData("argmax([[1, 5, 5], [7, 0, 7]])", new int[0], new[] { 3.0 })]
    [InlineData("argmin([[1, 5, 5], [7, 0, 7]], dim=0)", new[] { 3 }, new[] { 0.0, 1, 0 })]
    public void Values_along_axes(string answer, int[] shape, double[] expected)
    {
        var key = Keys.OfText($"values:\n  X: {X}\nquestions:\n  - {{ id: q, answer: \"{answer}\" }}\n").AnswerTo("q")!;
        Assert.Equal(shape, key.Shape);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], key.Data[i], 12);
        }
    }

    [Theory]
    [InlineData("grad(sum(max(x, axis=1)), x)", "[[0, 1, 0]]")] // torch.max(x, dim): the first maximum takes it all
    [InlineData("grad(max(x), x)", "[[0, 0.5, 0.5]]")]           // torch.max(x): ties split evenly
    [InlineData("grad(prod(p), p)", "[6, 0, 0]")]                 // ∂(p0·p1·p2)/∂p at p = [0, 2, 3]
    [InlineData("grad(logsumexp(x), x)", "[[0.0633789383330, 0.468310530833, 0.468310530833]]")] // softmax([1, 3, 3]) = [1, e², e²]/(1 + 2e²)
    public void Gradients_along_axes(string answer, string expected)
    {
        var key = Keys.OfText($"values:\n  x: [[1, 3, 3]]\n  p: [0, 2, 3]\nquestions:\n  - {{ id: q, answer: \"{answer}\" }}\n").AnswerTo("q")!;
        var want = expected.Trim('[', ']').Split(',').Select(v => double.Parse(v.Trim('[', ']', ' '), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i < want.Length; i++)
        {
            Assert.Equal(want[i], key.Data[i], 10);
        }
    }

    [Fact]
    public void Softmax_along_the_batch_axis_normalises_each_column()
    {
        // e⁰/(e⁰ + e^ln3) = 1/4 and 3/4 down the first column; the second column is even.
        var key = Keys.OfText("values:\n  z: [[0, 0], [1.0986122886681098, 0]]\nquestions:\n  - { id: q, answer: \"softmax(z, axis=0)\" }\n").AnswerTo("q")!;
        Assert.Equal([0.25, 0.5, 0.75, 0.5], key.Data.Select(v => Math.Round(v, 12)));
    }

    [Theory]
    [InlineData("sum(X, axis=2)", "axis 2 is out of range for shape (2, 2)")]
    [InlineData("sum(X, axis=[0, 0])", "axis 0 is given twice")]
    [InlineData("sum(X, axis=0.5)", "an axis is a whole number")]
    [InlineData("sum(X, keepdims=2)", "expected true or false")]
    [InlineData("argmax(X, axis=[0, 1])", "argmax takes one axis")]
    [InlineData("sum(X, axes=0)", "did you mean 'axis'")]
    public void Bad_axes_are_refused_with_a_clear_message(string answer, string message)
    {
        Assert.Contains(message, Keys.ProblemsOf($"values:\n  X: {X}\nquestions:\n  - {{ id: q, answer: \"{answer}\" }}\n"));
    }
}
