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
}
