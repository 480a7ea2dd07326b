using Grader.Domain.Expressions;

namespace Grader.Domain.Tests.Expressions;

public class ExpressionParserTests
{
    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("8 / 2 / 2", 2)]
    [InlineData("2 - 3 - 4", -5)]
    [InlineData("-2^2", -4)]
    [InlineData("2^3^2", 512)]
    [InlineData("2**3", 8)]
    [InlineData("2^-1", 0.5)]
    [InlineData("--3", 3)]
    [InlineData("1e-3 * 1000", 1)]
    [InlineData(".5 + 1.5", 2)]
    [InlineData("[1, 2] @ [3, 4]", 11)]
    [InlineData("sum([[1, 2], [3, 4]])", 10)]
    [InlineData("max([3, -1, 7])", 7)]
    [InlineData("mean([1, 2, 3, 6])", 3)]
    [InlineData("norm([3, 4])", 5)]
    [InlineData("dot([1, 2], [3, 4])", 11)]
    [InlineData("relu(-3) + relu(2)", 2)]
    [InlineData("leaky_relu(-2, slope=0.1)", -0.2)]
    [InlineData("leaky_relu(-2)", -0.02)]
    [InlineData("elu(0)", 0)]
    [InlineData("numel([[1, 2, 3], [4, 5, 6]])", 6)]
    [InlineData("sse([1, 2], [0, 0])", 5)]
    [InlineData("mse([1, 2], [0, 0])", 2.5)]
    [InlineData("hinge([3, 1, 2.5], 0)", 0.5)]
    [InlineData("cross_entropy([0, 0], 1)", 0.69314718055994529)] // ln 2: two equal logits
    [InlineData("sqrt(16) + abs(-1)", 5)]
    // Batched losses reduce as PyTorch's default (mean over the batch's rows) unless reduction="sum".
    [InlineData("cross_entropy([[0, 0, 0], [0, 0, 0]], [0, 2])", 1.0986122886681098)] // each row ln 3; mean ln 3
    [InlineData("cross_entropy([[0, 0, 0], [0, 0, 0]], [0, 2], reduction=\"sum\")", 2.1972245773362196)] // 2 ln 3
    [InlineData("cross_entropy([[0, 0], [0, 0]], [[1, 0], [0, 1]], reduction='mean')", 0.69314718055994529)] // one-hot rows, ln 2 each
    [InlineData("cross_entropy([0, 0, 0], 1, reduction=\"sum\")", 1.0986122886681098)] // one sample: mean = sum
    [InlineData("mse([1, 2], [0, 0], reduction=\"sum\")", 5)]
    [InlineData("bce([0.5, 0.5], [1, 0])", 0.69314718055994529)] // −mean(ln ½, ln ½)
    [InlineData("bce([0.5, 0.5], [1, 0], reduction=\"sum\")", 1.3862943611198906)]
    [InlineData("hinge([[1, 1, 0], [0, 0, 0]], [0, 0])", 1.5)] // rows: 1 + 0 and 1 + 1; mean 1.5
    [InlineData("hinge([[1, 1, 0], [0, 0, 0]], [0, 0], reduction=\"sum\")", 3)]
    public void Evaluates_constant_expressions(string text, double expected) =>
        Assert.Equal(expected, Evaluate(text).ScalarValue, 12);

    /// <summary>Python's tuples and None, as PyTorch calls are written: a tuple is a list, None leaves an optional argument at its default.</summary>
    [Theory]
    [InlineData("(1, 2)", "[1, 2]")]
    [InlineData("(3,)", "[3]")]
    [InlineData("((1, 2), (3, 4))", "[[1, 2], [3, 4]]")]
    [InlineData("sum([[1, 2], [3, 4]], dim=(0,), keepdim=True)", "[[4, 6]]")]
    [InlineData("reshape([1, 2, 3, 4], (2, -1))", "[[1, 2], [3, 4]]")]
    [InlineData("conv2d([[[1, 2], [3, 4]]], [[[[1]]]], None, stride=(1, 2))", "[[[1], [3]]]")]
    [InlineData("linear([1, 2], [[1, 1]], bias=None)", "[3]")]
    [InlineData("clamp([-2, 0, 2], None, 1)", "[-2, 0, 1]")]
    [InlineData("maxpool2d([[1, 2], [3, 4]], 1, stride=None)", "[[1, 2], [3, 4]]")]
    [InlineData("sum([[1, 2], [3, 4]], dim=None)", "10")]
    public void Takes_Pythons_tuples_and_None(string text, string expected)
    {
        var (y, want) = (Evaluate(text), Evaluate(expected));
        Assert.Equal(want.Shape, y.Shape);
        Assert.Equal(want.Data, y.Data);
    }

    [Theory]
    [InlineData("sum(None)", 5, "sum needs argument 'x', not None")]
    [InlineData("(1, 2", 6, "expected ')'")]
    public void Refuses_None_for_a_required_argument_and_an_unclosed_tuple(string text, int column, string message)
    {
        var ex = Assert.ThrowsAny<ExpressionException>(() => Evaluate(text));
        Assert.Contains(message, ex.Message);
        Assert.Equal(column, ex.Column);
    }

    [Fact]
    public void Constants_pi_and_e()
    {
        Assert.Equal(Math.PI / 2, Evaluate("pi/2").ScalarValue);
        Assert.Equal(Math.E, Evaluate("e").ScalarValue);
    }

    [Fact]
    public void Matrix_products_follow_the_four_shape_rules()
    {
        Assert.Equal([2, 2], Evaluate("[[1, 2], [3, 4]] @ [[1, 0], [0, 1]]").Shape);
        Assert.Equal([2], Evaluate("[[1, 2], [3, 4]] @ [1, 1]").Shape);
        Assert.Equal([2], Evaluate("[1, 1] @ [[1, 2], [3, 4]]").Shape);
        Assert.Equal([], Evaluate("[1, 1] @ [1, 1]").Shape);
        Assert.Equal([1, 3, 2, 4], Evaluate("transpose([[1, 2], [3, 4]])").Data);
        Assert.Equal([3, 4, 6, 8], Evaluate("outer([1, 2], [3, 4])").Data);
        Assert.Equal([2, 3], Evaluate("reshape([1, 2, 3, 4, 5, 6], [2, 3])").Shape);
    }

    [Theory]
    [InlineData("1 +", 4, "ends too early")]
    [InlineData("foo(1)", 1, "unknown function 'foo'")]
    [InlineData("(1 + 2", 7, "expected ')'")]
    [InlineData("1 $ 2", 3, "unexpected character '$'")]
    [InlineData("[[1, 2], [3]]", 10, "ragged")]
    [InlineData("[1, [2, 3]]", 5, "ragged")]
    [InlineData("sin(1, 2)", 8, "takes at most 1")]
    [InlineData("leaky_relu(1, slop=2)", 15, "has no argument 'slop'")]
    [InlineData("1e999", 1, "too large")]
    [InlineData("1 2", 3, "unexpected '2'")]
    [InlineData("1 == 1 == 1", 8, "unexpected '=='")]
    [InlineData("0 <= 1 <= 2", 8, "unexpected '<='")]
    [InlineData("x + 1", 1, "'x' is not a constant")]
    [InlineData("[1, 2] + [1, 2, 3]", 8, "(2,) and (3,)")]
    [InlineData("[[1, 2]] @ [[1, 2]]", 10, "(1, 2) @ (1, 2)")]
    [InlineData("conv2d([1, 2], [1])", 1, "conv2d")]
    [InlineData("maxpool2d([[1, 2], [3, 4]], 3)", 1, "does not fit")]
    [InlineData("reshape([1, 2, 3], [2, 2])", 1, "cannot reshape")]
    [InlineData("hinge([1, 2], 5)", 1, "class index 5")]
    [InlineData("", 1, "empty expression")]
    [InlineData("sum(y=1)", 5, "has no argument 'y'")]
    [InlineData("mse([1], [2], reduction=\"max\")", 25, "reduction is \"mean\" (the default), \"sum\" or \"none\"")]
    [InlineData("mse([1], [2], reduction=sum)", 25, "reduction is \"mean\"")]
    [InlineData("1 + \"sum\"", 5, "only an option's value")]
    [InlineData("mse([1], \"sum)", 10, "never closed")]
    public void Errors_point_at_the_column(string text, int column, string message)
    {
        var ex = Assert.ThrowsAny<ExpressionException>(() => Evaluate(text));
        Assert.Contains(message, ex.Message);
        Assert.Equal(column, ex.Column);
    }

    [Theory]
    [InlineData("cross_entropy([1, 2], 5)", "cross_entropy: class index 5")]
    [InlineData("hinge([[[1]]], 0)", "hinge needs a score vector")]
    [InlineData("sin(1, 2)", "sin takes at most 1")]
    public void Error_texts_name_the_function_once(string text, string message)
    {
        var ex = Assert.ThrowsAny<ExpressionException>(() => Evaluate(text));
        Assert.StartsWith(message, ex.Message);
        var name = message[..message.IndexOfAny([':', ' '])];
        Assert.Equal(ex.Message.IndexOf(name, StringComparison.Ordinal), ex.Message.LastIndexOf(name, StringComparison.Ordinal));
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var deep = new string('(', 500) + "1" + new string(')', 500);
        var ex = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(deep));
        Assert.Contains("nested deeper", ex.Message);
        var minus = new string('-', 5000) + "1";
        Assert.Contains("nested deeper", Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(minus)).Message);
    }

    [Fact]
    public void Length_is_bounded()
    {
        var ex = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(string.Join("+", Enumerable.Repeat("1", 20_000))));
        Assert.Contains("longer than", ex.Message);
    }

    [Fact]
    public void A_tower_of_powers_overflows_to_infinity_rather_than_hanging()
    {
        Assert.True(double.IsPositiveInfinity(Evaluate("10^10^10").ScalarValue));
    }

    private static Grader.Reference.Tensor Evaluate(string text) =>
        new ExpressionEvaluator(ConstantScope.Instance).Evaluate(ExpressionParser.Parse(text)).Value;
}
