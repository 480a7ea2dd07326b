using Grader.Reference;

namespace Grader.Reference.Tests;

/// <summary>Gradients of gradients by hand-checked identities (the cases issue 19 found keyed as 0).</summary>
public class HigherOrderGradientTests
{
    [Theory]
    [InlineData(2.0, 12.0)]  // d²(a³)/da² = 6a
    [InlineData(-1.5, -9.0)]
    [InlineData(0.0, 0.0)]
    public void Second_derivative_of_a_cube_is_six_a(double a, double expected)
    {
        var x = Node.Leaf(Tensor.Scalar(a));
        var first = Ops.Grad(Ops.Pow(x, Ops.Constant(3)), x);
        Assert.Equal(3 * a * a, first.Value.ScalarValue, 12);
        Assert.Equal(expected, Ops.Grad(first, x).Value.ScalarValue, 12);
    }

    [Fact]
    public void Third_derivative_of_a_fourth_power_is_twenty_four_a()
    {
        var x = Node.Leaf(Tensor.Scalar(1.5));
        var f = Ops.Pow(x, Ops.Constant(4));
        var third = Ops.Grad(Ops.Grad(Ops.Grad(f, x), x), x);
        Assert.Equal(24 * 1.5, third.Value.ScalarValue, 10);
    }

    [Fact]
    public void Second_derivative_of_sum_sin_is_minus_sin()
    {
        var values = new[] { -1.0, 0.3, 2.0 };
        var x = Node.Leaf(Tensor.Vector(values));
        var cosx = Ops.Grad(Ops.Sum(Ops.Sin(x)), x);
        var second = Ops.Grad(Ops.Sum(cosx), x);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(Math.Cos(values[i]), cosx.Value.Data[i], 14);
            Assert.Equal(-Math.Sin(values[i]), second.Value.Data[i], 14);
        }
    }

    [Fact]
    public void A_hessian_vector_product_of_a_quadratic_form_is_a_plus_a_transpose_times_v()
    {
        // f = xᵀAx has Hessian A + Aᵀ, so ∂/∂x (∇f · v) = (A + Aᵀ) v.
        var a = Tensor.Matrix(new double[,] { { 1, 2 }, { -3, 4 } });
        var x = Node.Leaf(Tensor.Vector(0.5, -2));
        var v = Node.Constant(Tensor.Vector(1, 3));
        var f = Ops.MatMul(x, Ops.MatMul(Node.Constant(a), x));
        var hv = Ops.Grad(Ops.Dot(Ops.Grad(f, x), v), x);
        Assert.Equal([(2 * 1) + ((2 - 3) * 3), ((2 - 3) * 1) + (8 * 3)], hv.Value.Data);
    }

    [Fact]
    public void A_gradient_that_is_constant_has_a_zero_second_derivative()
    {
        var x = Node.Leaf(Tensor.Vector(1, 2));
        var first = Ops.Grad(Ops.Sum(Ops.Mul(x, Ops.Constant(3))), x);
        Assert.Equal([3.0, 3.0], first.Value.Data);
        Assert.Equal([0.0, 0.0], Ops.Grad(Ops.Sum(first), x).Value.Data);
    }

    [Fact]
    public void A_gradient_penalty_differentiates_through_the_backward_pass()
    {
        // L = (‖∇ₓ f‖² ) for f = Σ w·tanh(x): ∇ₓf = w(1 − t²), ∂L/∂w = 2w(1 − t²)², checked by identity.
        var w = Node.Leaf(Tensor.Vector(0.7, -1.2));
        var x = Node.Leaf(Tensor.Vector(0.4, -0.9));
        var f = Ops.Sum(Ops.Mul(w, Ops.Tanh(x)));
        var gx = Ops.Grad(f, x);
        var penalty = Ops.Sum(Ops.Mul(gx, gx));
        var gw = Ops.Grad(penalty, w);
        for (var i = 0; i < 2; i++)
        {
            var d = 1 - Math.Pow(Math.Tanh(x.Value.Data[i]), 2);
            Assert.Equal(2 * w.Value.Data[i] * d * d, gw.Value.Data[i], 12);
        }
    }

    [Fact]
    public void At_an_exponent_of_exactly_zero_the_base_gradient_is_zero_and_stays_zero()
    {
        // PyTorch's pow_backward: where(exponent == 0, 0, g·b·a^(b−1)), so its derivative in b is 0 there too.
        var a = Node.Leaf(Tensor.Scalar(2));
        var b = Node.Leaf(Tensor.Scalar(0));
        var ga = Ops.Grad(Ops.Pow(a, b), a);
        Assert.Equal(0, ga.Value.ScalarValue);
        Assert.Equal(0, Ops.Grad(ga, b).Value.ScalarValue);
        Assert.Equal(0, Ops.Grad(ga, a).Value.ScalarValue);
    }
}
