using Grader.Reference;

namespace Grader.Reference.Tests.Functions;

/// <summary>Nearest-neighbour upsampling by hand: each element becomes a block of copies.</summary>
public class UpsampleTests
{
    private static readonly Tensor X = Tensor.Matrix(new double[,] { { 1, 2 }, { 3, 4 } });

    [Fact]
    public void Scale_two_copies_each_element_into_a_two_by_two_block()
    {
        var y = Ops.Upsample(Node.Constant(X), 2).Value;
        Assert.Equal([4, 4], y.Shape);
        Assert.Equal([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4], y.Data);
    }

    [Fact]
    public void A_scale_per_axis()
    {
        var y = Ops.Upsample(Node.Constant(X), new Size2(1, 3)).Value;
        Assert.Equal([2, 6], y.Shape);
        Assert.Equal([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4], y.Data);
    }

    [Fact]
    public void The_gradient_sums_each_block()
    {
        // d/dx of Σ w·upsample(x, 2) with w = 1 everywhere: each element has 4 copies.
        var x = Node.Leaf(new Tensor([1, 1, 2, 2], [1, 2, 3, 4]));
        var y = Ops.Upsample(x, 2);
        Assert.Equal([1, 1, 4, 4], y.Value.Shape);
        Assert.Equal([4, 4, 4, 4], Ops.Sum(y).Gradients()[x].Data);
    }

    [Fact]
    public void A_scale_below_one_is_refused()
    {
        var ex = Assert.Throws<ShapeException>(() => Ops.Upsample(Node.Constant(X), 0));
        Assert.Contains("at least 1", ex.Message);
    }

    [Fact]
    public void A_result_too_large_to_index_is_refused_not_overflowed()
    {
        var ex = Assert.Throws<ShapeException>(() => Ops.Upsample(Node.Constant(Tensor.Zeros([1, 1, 70_000, 1])), new Size2(70_000, 1)));
        Assert.Contains("too large", ex.Message);
    }
}
