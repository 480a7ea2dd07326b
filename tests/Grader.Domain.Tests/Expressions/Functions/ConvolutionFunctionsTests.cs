using Grader.Domain.Expressions;

namespace Grader.Domain.Tests.Expressions.Functions;

/// <summary>
/// The convolution family as the expression language writes it: keyword settings, settings per
/// axis, batches, and refusals at the argument's column. Values are hand-checked (the engine's
/// tests check the identities: the adjoint, groups, dilation, batches).
/// </summary>
public class ConvolutionFunctionsTests
{
    private const string X = "[[1, 0, 2], [2, 1, -1], [0, 0, 2]]";
    private const string K = "[[1, -1], [0, 2]]";

    public static TheoryData<string, int[], double[]> Values => new()
    {
        // Seed 000's convolution (z = [[3, −4], [1, 6]]), as a batch of one sample of one channel.
        { $"conv2d([[{X}]], [[{K}]])", [1, 1, 2, 2], [3, -4, 1, 6] },

        // With a bias 10 given by position.
        { $"conv2d([[{X}]], [[{K}]], [10])", [1, 1, 2, 2], [13, 6, 11, 16] },

        // The plain form, (H, W) with a (kH, kW) kernel (no PyTorch layout), also takes a number as its bias.
        { $"conv2d({X}, {K}, 10)", [2, 2], [13, 6, 11, 16] },
        { "conv_transpose2d([[1, 2]], [[1]], 10)", [1, 2], [11, 12] },

        // Stride [1, 2] and padding [0, 1] (see Conv2dTests for the windows).
        { $"conv2d({X}, {K}, stride=[1, 2], padding=[0, 1])", [2, 2], [3, -4, -2, 6] },

        // padding="same" with a 2×2 kernel pads one row and column after (PyTorch's rule for an even
        // span): the 2×2 windows of seed 000 (3, −4, 1, 6), then those reaching into the zeros:
        // [[2, 0], [−1, 0]] → 2, [[−1, 0], [2, 0]] → −1, [[0, 0], [0, 0]] → 0, [[0, 2], [0, 0]] → −2, [[2, 0], [0, 0]] → 2.
        { $"conv2d({X}, {K}, padding=\"same\")", [3, 3], [3, -4, 2, 1, 6, -1, 0, -2, 2] },
        { $"conv2d({X}, {K}, padding=\"valid\")", [2, 2], [3, -4, 1, 6] },
        { "conv1d([[1, 2, 3]], [[[1, 1, 1]]], padding='same')", [1, 3], [3, 6, 5] },

        // Dilation 2 on a 3×3 input: the one window reads the corners, 1·1 + 2·(−1) + 0·0 + 2·2 = 3.
        { $"conv2d({X}, {K}, dilation=2)", [1, 1], [3] },

        // Two channels, groups=2, one filter each: channel 0 times 1, channel 1 times −1.
        { "conv2d([[[1, 2]], [[3, 4]]], [[[[1]]], [[[-1]]]], groups=2)", [2, 1, 2], [1, 2, -3, -4] },

        // 1 2 3 4 padded with a 0 each side, windows of [1, −1] at stride 2: 0 − 1, 2 − 3, 4 − 0.
        { "conv1d([[1, 2, 3, 4]], [[[1, -1]]], stride=2, padding=1)", [1, 3], [-1, -1, 4] },

        // Each element of [[1, 2]] lays a scaled kernel at stride 2.
        { "conv_transpose2d([[1, 2]], [[1, 10], [100, 1000]], stride=2)", [2, 4], [1, 10, 2, 20, 100, 1000, 200, 2000] },

        // Stride 1 and padding [0, 1]: [[1, 12, 20], [100, 1200, 2000]] with one column cut from each side.
        { "conv_transpose2d([[1, 2]], [[1, 10], [100, 1000]], padding=[0, 1])", [2, 1], [12, 1200] },
        { "upsample([[1, 2], [3, 4]], [1, 3])", [2, 6], [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4] },
        { "upsample([[[[1, 2]]]], 2)", [1, 1, 2, 4], [1, 1, 2, 2, 1, 1, 2, 2] },
        { "maxpool1d([[1, 3, 2, 5, 4]], 2)", [1, 2], [3, 5] },
        { "avgpool1d([[1, 3, 2, 5, 4]], 2, padding=1)", [1, 3], [0.5, 2.5, 4.5] },

        // Windows 1×3 at stride [2, 1]: rows 0 and 2 of seed 000's map, each row's maximum.
        { $"maxpool2d({X}, [1, 3], stride=[2, 1])", [2, 1], [2, 2] },

        // A batch of two maps pooled 3×3: each map's maximum (the second is seed 000's map negated).
        { $"maxpool2d([[{X}], [[[-1, 0, -2], [-2, -1, 1], [0, 0, -2]]]], 3)", [2, 1, 1, 1], [2, 1] },
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
    [InlineData("conv2d([[1]], [[1]], 0, 1)", 25, "conv2d takes 3 argument(s) by position (x, k, b); give stride and the rest by name")]
    [InlineData("conv_transpose2d([[1]], [[1]], 0, 2)", 35, "give stride and the rest by name")]
    [InlineData("conv2d([[1]], [[1]], stride=[1, 2, 3])", 29, "stride is a whole number or a list [h, w] of two")]
    [InlineData("conv2d([[1]], [[1]], padding=0.5)", 30, "expected a whole number")]
    [InlineData("conv2d([[[1]], [[1]], [[1]]], [[[[1]]], [[[1]]]], groups=2)", 1, "groups=2 expect 2 input channels, x (3, 1, 1) has 3")]
    [InlineData("conv1d([1, 2, 3], [1, 1])", 1, "conv1d needs x (N, C, L) or (C, L)")]
    [InlineData("conv_transpose2d([[1, 2]], [[1, 1]], stride=2, output_padding=2)", 1, "output_padding must be smaller than the stride or the dilation")]
    [InlineData("conv_transpose2d([[1]], [[1, 1]], padding=1)", 1, "it must be at least 1")]
    [InlineData("upsample([[1]], 1.5)", 17, "expected a whole number")]
    [InlineData("conv2d([[1]], [[1]], padding=\"full\")", 30, "padding is a number, [h, w], \"same\" or \"valid\"")]
    [InlineData("conv2d([[1, 2]], [[1]], stride=2, padding=\"same\")", 1, "padding=\"same\" needs stride 1")]
    [InlineData("conv1d([[1, 2]], [[[1]]], stride=2, padding=\"same\")", 1, "padding=\"same\" needs stride 1, as in PyTorch, got stride 2")]
    [InlineData("maxpool1d([[1, 2]], 2, padding=2)", 1, "padding 2 must be at most half the window size 2")]

    // PyTorch's layouts take a bias of shape (F) only: a number (a 0-d tensor) or a (1, 1) is refused there.
    [InlineData("conv2d([[[1, 2]]], [[[[1]]]], 5)", 1, "conv2d bias must have shape (1,), got scalar")]
    [InlineData("conv2d([[[1, 2]]], [[[[1]]]], [[5]])", 1, "conv2d bias must have shape (1,), got (1, 1)")]
    [InlineData("conv1d([[1, 2]], [[[1]]], 5)", 1, "conv1d bias must have shape (1,), got scalar")]
    [InlineData("conv_transpose2d([[[1, 2]]], [[[[1]]]], 5)", 1, "conv_transpose2d bias must have shape (1,), got scalar")]
    public void Refuses_with_the_reason_at_the_column(string text, int column, string message)
    {
        var ex = Assert.ThrowsAny<ExpressionException>(() => Evaluate(text));
        Assert.Contains(message, ex.Message);
        Assert.Equal(column, ex.Column);
    }

    public static TheoryData<string, string> Costly => new()
    {
        // 250,000 inputs each spreading a 10×10 kernel: 25,000,000 multiply-adds.
        { $"conv_transpose2d(outer({HostileCorpus.Ones(500)}, {HostileCorpus.Ones(500)}), outer({HostileCorpus.Ones(10)}, {HostileCorpus.Ones(10)}))", "conv_transpose2d needs more computation than allowed" },

        // 8 filters × 9,501 positions × 500 taps = 38,004,000 multiply-adds.
        { $"conv1d(reshape(outer({HostileCorpus.Ones(100)}, {HostileCorpus.Ones(100)}), [1, 10000]), reshape(outer({HostileCorpus.Ones(8)}, {HostileCorpus.Ones(500)}), [8, 1, 500]))", "conv1d needs more computation than allowed" },

        // A dilation of 10⁶ lets the width's padding reach 10⁶ (the span less one): 2 + 2·10⁶ − (10⁶ + 1) + 1 columns.
        { "conv2d([[1, 1]], [[1, 1]], dilation=1000000, padding=[0, 1000000])", "conv2d would make a tensor of 1,000,002 elements" },

        // A stride of 10⁶ on a transposed conv: (2 − 1)·10⁶ + 1 columns for each of 10⁶ rows.
        { "conv_transpose2d([[1, 1], [1, 1]], [[1]], stride=1000000)", "conv_transpose2d would make a tensor of" },
        { "upsample([[1]], [1000000, 1000000])", "upsample would make a tensor of 1,000,000,000,000 elements" },

        // 10,000 elements × 11²: 1,210,000 elements, past the tensor limit.
        { $"upsample(outer({HostileCorpus.Ones(100)}, {HostileCorpus.Ones(100)}), 11)", "upsample would make a tensor of 1,210,000 elements" },

        // A batch of 4 samples of 300 × 300 with a 10 × 10 kernel: 4·291·291·100 = 33,872,400 multiply-adds.
        { $"conv2d(reshape(outer({HostileCorpus.Ones(600)}, {HostileCorpus.Ones(600)}), [4, 1, 300, 300]), reshape(outer({HostileCorpus.Ones(10)}, {HostileCorpus.Ones(10)}), [1, 1, 10, 10]))", "conv2d needs more computation than allowed" },
    };

    /// <summary>Each new operation reserves its result and its work before it runs.</summary>
    [Theory]
    [MemberData(nameof(Costly))]
    public void A_costly_call_is_refused_before_it_runs(string text, string message)
    {
        var budget = new EvaluationBudget();
        using var _ = EvaluationBudget.Use(budget);
        var ex = Assert.ThrowsAny<ExpressionException>(() => Evaluate(text));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void The_documentation_writes_the_keyword_only_settings_after_a_star()
    {
        Assert.Equal("conv2d(x, k, b=none, *, stride=1, padding=0, dilation=1, groups=1)", FunctionRegistry.All["conv2d"].Usage);
        Assert.Equal("conv_transpose2d(x, k, b=none, *, stride=1, padding=0, output_padding=0, groups=1, dilation=1)", FunctionRegistry.All["conv_transpose2d"].Usage);
        Assert.Equal("maxpool2d(x, size, stride=size, padding=0)", FunctionRegistry.All["maxpool2d"].Usage);
    }

    private static Grader.Reference.Tensor Evaluate(string text) =>
        new ExpressionEvaluator(ConstantScope.Instance).Evaluate(ExpressionParser.Parse(text)).Value;
}
