using Grader.Reference;

namespace Grader.Reference.Tests.Functions;

/// <summary>conv1d from hand computations, and as the 2-D convolution of height 1.</summary>
public class Conv1dTests
{
    private static readonly Tensor X = new([1, 4], [1, 2, 3, 4]);
    private static readonly Tensor K = new([1, 1, 2], [1, -1]);

    public static TheoryData<int, int, int, double[]> HandCases => new()
    {
        // Differences of neighbours: 1 − 2, 2 − 3, 3 − 4.
        { 1, 0, 1, [-1, -1, -1] },

        // Dilation 2: taps two apart, 1 − 3 and 2 − 4.
        { 1, 0, 2, [-2, -2] },

        // Stride 2, padding 1: 0 1 2 3 4 0, windows at 0, 2, 4: 0 − 1, 2 − 3, 4 − 0.
        { 2, 1, 1, [-1, -1, 4] },
    };

    [Theory]
    [MemberData(nameof(HandCases))]
    public void Slides_the_kernel_along_the_last_axis(int stride, int padding, int dilation, double[] expected)
    {
        var y = Ops.Conv1d(Node.Constant(X), Node.Constant(K), null, stride, padding, dilation).Value;
        Assert.Equal([1, expected.Length], y.Shape);
        Assert.Equal(expected, y.Data);
    }

    [Fact]
    public void Is_the_two_dimensional_convolution_of_height_one()
    {
        var r = new Random(7);
        Tensor Draw(int[] s) => new(s, [.. Enumerable.Range(0, Tensor.Numel(s)).Select(_ => r.NextDouble() - 0.5)]);
        var (x, k, b) = (Draw([2, 4, 9]), Draw([6, 2, 3]), Draw([6]));
        var y = Ops.Conv1d(Node.Constant(x), Node.Constant(k), Node.Constant(b), stride: 2, padding: 1, dilation: 2, groups: 2).Value;
        var options = new ConvOptions(new Size2(1, 2), new Size2(0, 1), new Size2(1, 2), 2);
        var y2 = Ops.Conv2d(Node.Constant(x.Reshape([2, 4, 1, 9])), Node.Constant(k.Reshape([6, 2, 1, 3])), Node.Constant(b), options).Value;
        Assert.Equal([2, 6, 4], y.Shape);
        Assert.Equal(y2.Data, y.Data);
    }

    [Fact]
    public void A_two_dimensional_kernel_is_refused()
    {
        var ex = Assert.Throws<ShapeException>(() => Ops.Conv1d(Node.Constant(X), Node.Constant(Tensor.Zeros([1, 2]))));
        Assert.Contains("kernels (F, C/groups, kL)", ex.Message);
    }
}
