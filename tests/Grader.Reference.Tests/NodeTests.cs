using Grader.Reference;

namespace Grader.Reference.Tests;

public class NodeTests
{
    [Fact]
    public void Gradients_accumulate_over_every_path()
    {
        // f = x·x + x has df/dx = 2x + 1.
        var x = Node.Leaf(Tensor.Scalar(3));
        var f = Ops.Add(Ops.Mul(x, x), x);
        Assert.Equal(7, f.Gradients()[x].ScalarValue);
    }

    [Fact]
    public void A_gradient_needs_a_scalar_output()
    {
        var x = Node.Leaf(Tensor.Vector(1, 2));
        var ex = Assert.Throws<ShapeException>(() => Ops.Mul(x, x).Gradients());
        Assert.Contains("(2,)", ex.Message);
    }

    [Fact]
    public void A_long_chain_does_not_overflow_the_stack()
    {
        var x = Node.Leaf(Tensor.Scalar(1));
        var y = x;
        for (var i = 0; i < 100_000; i++)
        {
            y = Ops.Add(y, Ops.Constant(0));
        }

        Assert.Equal(1, y.Gradients()[x].ScalarValue);
    }

    [Fact]
    public void Constants_receive_no_gradient()
    {
        var c = Node.Constant(Tensor.Scalar(2));
        var x = Node.Leaf(Tensor.Scalar(5));
        var grads = Ops.Mul(c, x).Gradients();
        Assert.False(grads.ContainsKey(c));
        Assert.Equal(2, grads[x].ScalarValue);
    }

    [Fact]
    public void Softmax_cross_entropy_gradient_is_p_minus_y()
    {
        // Seed 003 T4: ∂L/∂h = softmax(h) − y, an identity checked here at h = [2, 1, 0.1].
        var h = Node.Leaf(Tensor.Vector(2, 1, 0.1));
        var y = Node.Constant(Tensor.Vector(1, 0, 0));
        var g = Losses.CrossEntropy(h, y).Gradients()[h];
        var p = Ops.Softmax(h).Value;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(p.Data[i] - y.Value.Data[i], g.Data[i], 12);
        }
    }
}
