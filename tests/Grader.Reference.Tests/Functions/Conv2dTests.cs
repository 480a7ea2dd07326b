using Grader.Reference;

namespace Grader.Reference.Tests.Functions;

/// <summary>Convolution values hand-checked from the course material (seeds 000 and 001).</summary>
public class Conv2dTests
{
    private static readonly Tensor X = Tensor.Matrix(new double[,] { { 1, 0, 2 }, { 2, 1, -1 }, { 0, 0, 2 } });
    private static readonly Tensor K = Tensor.Matrix(new double[,] { { 1, -1 }, { 0, 2 } });

    public static TheoryData<int, int, double[]> Seed000Cases => new()
    {
        // z11 = 1·1 + 0·(−1) + 2·0 + 1·2 = 3, z12 = −2 − 2 = −4, z21 = 2 − 1 = 1, z22 = 1 + 1 + 4 = 6.
        { 1, 0, [3, -4, 1, 6] },

        // Padded 5×5 map, windows at rows/cols 0 and 3: [[0,0],[0,1]]→2, [[0,0],[2,0]]→0,
        // [[0,0],[0,0]]→0, [[2,0],[0,0]]→2 (the seed's worked solution says 1 here; it is wrong).
        { 3, 1, [2, 0, 0, 2] },
    };

    [Theory]
    [MemberData(nameof(Seed000Cases))]
    public void Seed000_convolution(int stride, int padding, double[] expected)
    {
        var z = Ops.Conv2d(Node.Constant(X), Node.Constant(K), stride: stride, padding: padding).Value;
        Assert.Equal([2, 2], z.Shape);
        Assert.Equal(expected, z.Data);
    }

    [Fact]
    public void Seed001_identity_kernel_sums_the_diagonal_of_each_window()
    {
        var i = Tensor.Matrix(new double[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 1, 5, 3 } });
        var k = Tensor.Matrix(new double[,] { { 1, 0 }, { 0, 1 } });
        Assert.Equal([6, 8, 9, 8], Ops.Conv2d(Node.Constant(i), Node.Constant(k)).Value.Data);
    }

    [Fact]
    public void Kernel_is_not_flipped()
    {
        // Cross-correlation: a kernel with a single 1 in its top-left corner copies the top-left of each window.
        var x = Tensor.Matrix(new double[,] { { 1, 2 }, { 3, 4 } });
        var k = Tensor.Matrix(new double[,] { { 1, 0 }, { 0, 0 } });
        Assert.Equal([1], Ops.Conv2d(Node.Constant(x), Node.Constant(k)).Value.Data);
    }

    [Theory]
    [InlineData(5, 3, 1, 0, 3)]
    [InlineData(5, 3, 2, 0, 2)]
    [InlineData(5, 3, 2, 1, 3)]
    [InlineData(32, 5, 1, 0, 28)]
    [InlineData(7, 2, 3, 1, 3)]
    public void Output_side_is_floor_of_n_plus_2p_minus_k_over_s_plus_1(int n, int k, int s, int p, int expected) =>
        Assert.Equal(expected, new Window(k, s, p).OutputLength(n, "conv2d"));

    [Fact]
    public void Mismatched_channels_name_both_shapes()
    {
        var ex = Assert.Throws<ShapeException>(() =>
            Ops.Conv2d(Node.Constant(Tensor.Zeros([2, 4, 4])), Node.Constant(Tensor.Zeros([1, 3, 2, 2]))));
        Assert.Contains("(2, 4, 4)", ex.Message);
        Assert.Contains("(1, 3, 2, 2)", ex.Message);
    }

    [Fact]
    public void A_batch_is_the_stack_of_its_samples_convolved_one_by_one()
    {
        var (x, k, b) = (Draw([3, 2, 5, 4], 1), Draw([4, 2, 3, 2], 2), Draw([4], 3));
        var options = new ConvOptions(new Size2(2, 1), new Size2(1, 0));
        var batch = Ops.Conv2d(Node.Constant(x), Node.Constant(k), Node.Constant(b), options).Value;
        Assert.Equal([3, 4, 3, 3], batch.Shape);
        var sample = 2 * 5 * 4;
        for (var n = 0; n < 3; n++)
        {
            var one = Ops.Conv2d(Node.Constant(new Tensor([2, 5, 4], x.Data[(n * sample)..((n + 1) * sample)])), Node.Constant(k), Node.Constant(b), options).Value;
            Assert.Equal(one.Data, batch.Data[(n * one.Count)..((n + 1) * one.Count)]);
        }
    }

    [Fact]
    public void Groups_equal_to_the_channels_convolve_each_channel_with_its_own_filters()
    {
        // groups = C = 2, two filters per group: filters 0–1 read channel 0 only, filters 2–3 channel 1.
        var (x, k) = (Draw([1, 2, 4, 5], 4), Draw([4, 1, 2, 3], 5));
        var grouped = Ops.Conv2d(Node.Constant(x), Node.Constant(k), null, new ConvOptions(1, 0, 1, 2)).Value;
        for (var c = 0; c < 2; c++)
        {
            var channel = new Tensor([1, 4, 5], x.Data[(c * 20)..((c + 1) * 20)]);
            var filters = new Tensor([2, 1, 2, 3], k.Data[(c * 12)..((c + 1) * 12)]);
            var alone = Ops.Conv2d(Node.Constant(channel), Node.Constant(filters)).Value;
            Assert.Equal(alone.Data, grouped.Data[(c * alone.Count)..((c + 1) * alone.Count)]);
        }
    }

    [Fact]
    public void Dilation_equals_a_convolution_with_zeros_between_the_kernel_taps()
    {
        var (x, k) = (Draw([6, 7], 6), Draw([2, 2], 7));

        // Dilation (2, 3): taps at rows 0, 2 and columns 0, 3 of a 3×4 kernel that is zero elsewhere.
        var spread = new double[3 * 4];
        (spread[0], spread[3], spread[8], spread[11]) = (k.Data[0], k.Data[1], k.Data[2], k.Data[3]);
        var dilated = Ops.Conv2d(Node.Constant(x), Node.Constant(k), null, new ConvOptions(1, 1, new Size2(2, 3))).Value;
        var zeros = Ops.Conv2d(Node.Constant(x), Node.Constant(new Tensor([3, 4], spread)), null, new ConvOptions(1, 1)).Value;
        Assert.Equal(zeros.Shape, dilated.Shape);
        for (var i = 0; i < zeros.Count; i++)
        {
            Assert.Equal(zeros.Data[i], dilated.Data[i], 1e-15);
        }
    }

    [Fact]
    public void Stride_and_padding_per_axis()
    {
        // Seed 000's X and K with stride [1, 2] and padding [0, 1]: each row padded to 0, x, 0, windows
        // at padded columns 0 and 2 of each pair of rows:
        // rows 0–1, cols −1..0: [[0, 1], [0, 2]] → 0·1 + 1·(−1) + 0·0 + 2·2 = 3;
        // rows 0–1, cols 1..2: [[0, 2], [1, −1]] → 0 − 2 + 0 − 2 = −4;
        // rows 1–2, cols −1..0: [[0, 2], [0, 0]] → −2; rows 1–2, cols 1..2: [[1, −1], [0, 2]] → 1 + 1 + 4 = 6.
        var z = Ops.Conv2d(Node.Constant(X), Node.Constant(K), null, new ConvOptions(new Size2(1, 2), new Size2(0, 1))).Value;
        Assert.Equal([2, 2], z.Shape);
        Assert.Equal([3, -4, -2, 6], z.Data);
    }

    [Fact]
    public void Groups_that_do_not_divide_the_channels_are_refused()
    {
        var ex = Assert.Throws<ShapeException>(() =>
            Ops.Conv2d(Node.Constant(Tensor.Zeros([3, 4, 4])), Node.Constant(Tensor.Zeros([2, 1, 2, 2])), null, new ConvOptions(1, 0, 1, 2)));
        Assert.Contains("(3, 4, 4)", ex.Message);
    }

    private static Tensor Draw(int[] shape, int seed)
    {
        var r = new Random(seed);
        return new Tensor(shape, [.. Enumerable.Range(0, Tensor.Numel(shape)).Select(_ => r.NextDouble() - 0.5)]);
    }
}
