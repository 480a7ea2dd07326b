using Grader.Reference;

namespace Grader.Reference.Tests.Functions;

/// <summary>Pooling values hand-checked from seed 000's feature map.</summary>
public class MaxPool2dTests
{
    private static readonly Tensor X = Tensor.Matrix(new double[,] { { 1, 0, 2 }, { 2, 1, -1 }, { 0, 0, 2 } });

    [Fact]
    public void Stride_one_gives_the_seeds_answer()
    {
        // Windows [[1,0],[2,1]], [[0,2],[1,−1]], [[2,1],[0,0]], [[1,−1],[0,2]] all have maximum 2.
        var p = Ops.MaxPool2d(Node.Constant(X), 2, stride: 1).Value;
        Assert.Equal([2, 2], p.Shape);
        Assert.Equal([2, 2, 2, 2], p.Data);
    }

    [Fact]
    public void Default_stride_is_the_window_size()
    {
        // floor((3 − 2)/2) + 1 = 1: one window, the top-left 2×2.
        var p = Ops.MaxPool2d(Node.Constant(X), 2).Value;
        Assert.Equal([1, 1], p.Shape);
        Assert.Equal(2, p.Data[0]);
    }

    [Fact]
    public void Backward_routes_the_gradient_to_the_argmax()
    {
        var x = Node.Leaf(X);
        var grads = Ops.Sum(Ops.MaxPool2d(x, 2)).Gradients();
        var g = grads[x];

        // The maximum of the top-left window [[1, 0], [2, 1]] is at (1, 0).
        Assert.Equal(1, g[1, 0]);
        Assert.Equal(1, g.Data.Sum());
    }

    [Fact]
    public void Average_pooling_counts_padding_as_zero()
    {
        var p = Ops.AvgPool2d(Node.Constant(Tensor.Full([2, 2], 4)), 2, stride: 2, padding: 1).Value;
        Assert.Equal([2, 2], p.Shape);
        Assert.All(p.Data, v => Assert.Equal(1, v));
    }

    public static TheoryData<int, int, int, double[]> MaxPool1dCases => new()
    {
        // 1 3 2 5 4: windows [1, 3], [2, 5].
        { 2, 2, 0, [3, 5] },

        // Stride 1: [1, 3], [3, 2], [2, 5], [5, 4].
        { 2, 1, 0, [3, 3, 5, 5] },

        // Padding 1 counts as −∞: [−∞, 1], [3, 2], [5, 4].
        { 2, 2, 1, [1, 3, 5] },
    };

    [Theory]
    [MemberData(nameof(MaxPool1dCases))]
    public void Max_pooling_in_one_dimension(int size, int stride, int padding, double[] expected)
    {
        var y = Ops.MaxPool1d(Node.Constant(new Tensor([1, 5], [1, 3, 2, 5, 4])), size, stride, padding).Value;
        Assert.Equal([1, expected.Length], y.Shape);
        Assert.Equal(expected, y.Data);
    }

    [Fact]
    public void Average_pooling_in_one_dimension_counts_padding_as_zero()
    {
        // 0 | 1 3 2 5 4 | 0, windows of 2 at stride 2: (0 + 1)/2, (3 + 2)/2, (5 + 4)/2.
        var y = Ops.AvgPool1d(Node.Constant(new Tensor([1, 1, 5], [1, 3, 2, 5, 4])), 2, 2, 1).Value;
        Assert.Equal([1, 1, 3], y.Shape);
        Assert.Equal([0.5, 2.5, 4.5], y.Data);
    }

    [Fact]
    public void A_batch_is_pooled_sample_by_sample()
    {
        var x = new Tensor([2, 1, 3, 3], [.. X.Data, .. X.Data.Select(v => -v)]);
        var y = Ops.MaxPool2d(Node.Constant(x), 2, 1).Value;
        Assert.Equal([2, 1, 2, 2], y.Shape);

        // The first sample is seed 000's map; the second its negation, whose window maxima are
        // −min: [[1,0],[2,1]] → 0, [[0,2],[1,−1]] → 1, [[2,1],[0,0]] → 0, [[1,−1],[0,2]] → 1.
        Assert.Equal([2, 2, 2, 2, 0, 1, 0, 1], y.Data);
    }

    [Fact]
    public void A_window_per_axis()
    {
        // Windows 1×3 at stride [2, 1]: rows 0 and 2, the row's maximum: 2 and 2.
        var y = Ops.MaxPool2d(Node.Constant(X), new Size2(1, 3), new Size2(2, 1)).Value;
        Assert.Equal([2, 1], y.Shape);
        Assert.Equal([2, 2], y.Data);
    }
}
