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
}
