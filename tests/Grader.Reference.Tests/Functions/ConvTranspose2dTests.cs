using Grader.Reference;

namespace Grader.Reference.Tests.Functions;

/// <summary>
/// The transposed convolution from a hand computation (each input element lays a scaled copy of
/// the kernel on the output) and from the identity that makes it the adjoint of the convolution:
/// ⟨conv2d(x, k), y⟩ = ⟨x, conv_transpose2d(y, k)⟩.
/// </summary>
public class ConvTranspose2dTests
{
    private static readonly Tensor K = Tensor.Matrix(new double[,] { { 1, 10 }, { 100, 1000 } });
    private static readonly Tensor X = Tensor.Matrix(new double[,] { { 1, 2 } });

    public static TheoryData<int, int, int, int, int[], double[]> HandCases => new()
    {
        // Stride 2: x00 = 1 lays K on columns 0–1, x01 = 2 lays 2K on columns 2–3.
        { 2, 2, 0, 0, [2, 4], [1, 10, 2, 20, 100, 1000, 200, 2000] },

        // Stride 1: the copies overlap in column 1 (10 + 2·1, 1000 + 2·100).
        { 1, 1, 0, 0, [2, 3], [1, 12, 20, 100, 1200, 2000] },

        // Stride 1, padding [0, 1]: one column cut from each side of the stride-1 output.
        { 1, 1, 0, 1, [2, 1], [12, 1200] },
    };

    [Theory]
    [MemberData(nameof(HandCases))]
    public void Each_input_element_lays_a_scaled_kernel_on_the_output(int strideH, int strideW, int padH, int padW, int[] shape, double[] expected)
    {
        var options = new ConvOptions(new Size2(strideH, strideW), new Size2(padH, padW));
        var y = Ops.ConvTranspose2d(Node.Constant(X), Node.Constant(K), null, options, 0).Value;
        Assert.Equal(shape, y.Shape);
        Assert.Equal(expected, y.Data);
    }

    [Fact]
    public void Output_padding_adds_zero_rows_and_columns_at_the_end()
    {
        // Stride 2 with output_padding 1: side (n − 1)·2 + 2 + 1, the extra row and column untouched.
        var y = Ops.ConvTranspose2d(Node.Constant(X), Node.Constant(K), null, new ConvOptions(2, 0), 1).Value;
        Assert.Equal([3, 5], y.Shape);
        Assert.Equal([1, 10, 2, 20, 0, 100, 1000, 200, 2000, 0, 0, 0, 0, 0, 0], y.Data);
    }

    [Fact]
    public void The_bias_is_added_to_every_output_element_of_its_channel()
    {
        // x (1 channel), kernels (1, 2, 1, 1): output channel c is x·k[0, c] + b[c].
        var x = new Tensor([1, 2, 2], [1, 2, 3, 4]);
        var k = new Tensor([1, 2, 1, 1], [1, -1]);
        var y = Ops.ConvTranspose2d(Node.Constant(x), Node.Constant(k), Node.Constant(Tensor.Vector(10, 20)), ConvOptions.Default, 0).Value;
        Assert.Equal([2, 2, 2], y.Shape);
        Assert.Equal([11, 12, 13, 14, 19, 18, 17, 16], y.Data);
    }

    public static TheoryData<int[], int[], ConvOptions> AdjointCases => new()
    {
        { [1, 1, 4, 4], [1, 1, 2, 2], ConvOptions.Default },
        { [2, 3, 5, 6], [2, 3, 3, 2], new ConvOptions(new Size2(2, 1), new Size2(1, 0)) },
        { [2, 4, 7, 5], [6, 2, 2, 3], new ConvOptions(new Size2(3, 2), new Size2(1, 2), new Size2(2, 1), 2) },
        { [1, 2, 6, 6], [2, 1, 3, 3], new ConvOptions(2, 1, 2, 2) },
    };

    /// <summary>
    /// With y of the convolution's output shape, the output padding that gives back x's side is
    /// (n + 2p − d(k − 1) − 1) mod s; both sides of the identity are sums of the same products.
    /// </summary>
    [Theory]
    [MemberData(nameof(AdjointCases))]
    public void Is_the_adjoint_of_the_convolution(int[] xShape, int[] kShape, ConvOptions options)
    {
        var r = new Random(19);
        Tensor Draw(int[] s) => new(s, [.. Enumerable.Range(0, Tensor.Numel(s)).Select(_ => r.NextDouble() - 0.5)]);
        var (x, k) = (Draw(xShape), Draw(kShape));
        var conv = Ops.Conv2d(Node.Constant(x), Node.Constant(k), null, options).Value;
        var y = Draw(conv.Shape);
        int Extra(int n, int kk, int s, int p, int d) => (n + (2 * p) - (d * (kk - 1)) - 1) % s;
        var outputPadding = new Size2(
            Extra(xShape[2], kShape[2], options.Stride.H, options.Padding.H, options.Dilation.H),
            Extra(xShape[3], kShape[3], options.Stride.W, options.Padding.W, options.Dilation.W));
        var back = Ops.ConvTranspose2d(Node.Constant(y), Node.Constant(k), null, options, outputPadding).Value;
        Assert.Equal(xShape, back.Shape);
        var left = conv.Data.Zip(y.Data, (a, b) => a * b).Sum();
        var right = x.Data.Zip(back.Data, (a, b) => a * b).Sum();
        Assert.Equal(left, right, 1e-12);
    }

    [Theory]
    [InlineData(2, 0, "output_padding must be smaller than the stride or the dilation")]
    [InlineData(1, 3, "it must be at least 1")]
    public void Impossible_settings_are_refused_with_a_reason(int outputPadding, int padding, string message)
    {
        var ex = Assert.Throws<ShapeException>(() =>
            Ops.ConvTranspose2d(Node.Constant(X), Node.Constant(K), null, new ConvOptions(2, padding), outputPadding));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void A_kernel_whose_first_axis_is_not_the_input_channels_is_refused_naming_both_shapes()
    {
        var ex = Assert.Throws<ShapeException>(() =>
            Ops.ConvTranspose2d(Node.Constant(Tensor.Zeros([2, 3, 3])), Node.Constant(Tensor.Zeros([3, 2, 2, 2])), null, ConvOptions.Default, 0));
        Assert.Contains("(2, 3, 3)", ex.Message);
        Assert.Contains("(3, 2, 2, 2)", ex.Message);
    }
}
