namespace Grader.Reference.Tests;

/// <summary>
/// Derivatives at kinks, where the derivative is a convention: each row follows the rule PyTorch's
/// float64 autograd uses (named in the row), and its expected gradient is worked out from that rule
/// by hand, not read off the engine.
/// </summary>
public class KinkTests
{
    public static TheoryData<string, string, double[], double[]> Rows => new()
    {
        // torch.max(x) (no dim) backward, like amax: the gradient is split evenly among the tied maxima.
        { "torch.max without dim: ties share evenly", "max", [1, 3, 3, 2], [0, 0.5, 0.5, 0] },
        { "torch.max without dim: three-way tie, a third each", "max", [2, 2, 2], [1.0 / 3, 1.0 / 3, 1.0 / 3] },
        { "torch.max without dim: no tie, all to the argmax", "max", [1, 4, 3], [0, 1, 0] },

        // torch.maximum(a, b) backward: grad/2 to each side where a == b.
        { "torch.maximum: a tie splits grad/2 to each input (gradient wrt a shown)", "maximum-a", [1, 2], [0.5, 0] },

        // threshold_backward: grad where x > 0, else 0 — so relu'(0) = 0.
        { "relu: threshold_backward passes grad only where x > 0", "relu", [-1, 0, 2], [0, 0, 1] },

        // leaky_relu_backward: x > 0 ? grad : grad * negative_slope — so leaky_relu'(0) = slope.
        { "leaky_relu(slope=0.1): leaky_relu_backward uses slope where x <= 0", "leaky_relu", [-1, 0, 2], [0.1, 0.1, 1] },

        // elu_backward (is_result=false): x <= 0 ? grad * alpha * exp(x) : grad — so elu'(0) = alpha.
        { "elu(alpha=2): elu_backward uses alpha*exp(x) where x <= 0, alpha at 0", "elu", [-1, 0, 1], [2 * Math.Exp(-1), 2, 1] },

        // abs backward: grad * sgn(x), sgn(0) = 0.
        { "abs: grad * sgn(x), sgn(0) = 0", "abs", [-2, 0, 3], [-1, 0, 1] },

        // norm_backward: self * grad / norm, masked to 0 where the norm is 0.
        { "norm: norm_backward masks a zero norm to a zero gradient", "norm", [0, 0, 0], [0, 0, 0] },
        { "norm: x/||x|| away from 0", "norm", [3, 4], [0.6, 0.8] },

        // Hinge: each margin max(0, s_j - s_y + 1) is a relu, so a margin of exactly 0 passes nothing
        // (multi_margin_loss_backward counts only margins > 0). Scores [1, 1, 0], label 0: margin_1 = 1
        // (active: +1 to s_1, -1 to s_0), margin_2 = 0 (the kink: nothing).
        { "hinge: multi_margin_loss counts margins > 0 only; margin exactly 0 passes nothing", "hinge-label0", [1, 1, 0], [-1, 1, 0] },
        { "hinge: every margin exactly 0 gives a zero gradient", "hinge-label0", [2, 1, 1], [0, 0, 0] },

        // max_pool2d backward routes each window's gradient to its first maximum (the saved index).
        { "max_pool2d: a tied window routes to its first maximum (the saved index)", "maxpool2d-2x2", [1, 1, 1, 1], [1, 0, 0, 0] },

        // clamp_backward: grad where min <= x <= max, else 0 — so at either bound the gradient passes.
        { "clamp(x, -1, 1): clamp_backward passes grad where min <= x <= max, bounds included", "clip", [-2, -1, 0, 1, 2], [0, 1, 1, 1, 0] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Derivative_at_a_kink_follows_PyTorch(string rule, string op, double[] x, double[] expected)
    {
        var leaf = Node.Leaf(new Tensor([x.Length], x));
        var y = op switch
        {
            "max" => Ops.Max(leaf),
            "maximum-a" => Ops.Sum(Ops.Maximum(leaf, Node.Constant(Tensor.Vector(1, 3)))),
            "relu" => Ops.Sum(Ops.Relu(leaf)),
            "leaky_relu" => Ops.Sum(Ops.LeakyRelu(leaf, 0.1)),
            "elu" => Ops.Sum(Ops.Elu(leaf, 2)),
            "abs" => Ops.Sum(Ops.Abs(leaf)),
            "norm" => Ops.Norm(leaf),
            "hinge-label0" => Losses.Hinge(leaf, Node.Constant(Tensor.Scalar(0))),
            "maxpool2d-2x2" => Ops.Sum(Ops.MaxPool2d(Ops.Reshape(leaf, [2, 2]), 2)),
            "clip" => Ops.Sum(Ops.Clip(leaf, -1, 1)),
            _ => throw new ArgumentException(op),
        };

        var g = y.Gradients()[leaf];
        Assert.True(g.Data.All(double.IsFinite), rule);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - g.Data[i]) < 1e-12, $"{rule}: element {i} expected {expected[i]:R}, got {g.Data[i]:R}");
        }
    }
}
