using Grader.Domain.Assignments;

namespace Grader.Domain.Tests.Assignments;

/// <summary>
/// The keys of the seed assignments agree with numbers checked by hand from the course material
/// (derivations in each assignment file's header). Where a seed's worked solution is wrong, the
/// expected value here is the correct one and the seed's value is named in the comment.
/// </summary>
public class SeedKeyTests
{
    private const double Pi = Math.PI;

    // Closed forms from the assignments' headers, computed here apart from the engine.
    private static readonly double Sigma = 1 / (1 + Math.Exp(-1));        // σ(1), the neuron at s = 1
    private static readonly double SigmaPrime = Sigma * (1 - Sigma);      // σ'(1) = σ(1)(1 − σ(1))
    private static readonly double X3 = Math.Tanh(0.7) - Math.Tanh(0.3);  // W1·tanh(W0·x0) with W1 = [1, −1]

    public static TheoryData<string, string, double[]> Cases => new()
    {
        // Seed 000: sin(wᵀx) − b with wᵀx = 2π.
        { "sin-network", "forward", [0] },
        { "sin-network", "dy-dw", [2, 1] },
        { "sin-network", "loss", [4] },
        { "sin-network", "dL-dw", [-8, -4] },
        { "sin-network", "w-next", [(Pi / 2) + 4, Pi + 2] },
        { "sin-network", "conv-stride1", [3, -4, 1, 6] },
        { "sin-network", "conv-stride3", [2, 0, 0, 2] }, // the seed says [[2, 0], [0, 1]]
        { "sin-network", "maxpool", [2, 2, 2, 2] },

        // Seed 001: the ReLU network at x = 3, y = 6.
        { "relu-network", "a1", [3, -3] },
        { "relu-network", "h1", [3, 0] },
        { "relu-network", "a2", [-3, 3] },
        { "relu-network", "h2", [0, 3] },
        { "relu-network", "prediction", [3] },
        { "relu-network", "loss", [9] },
        { "relu-network", "dJ-dh3", [-6] },
        { "relu-network", "dJ-dW3", [0, -18] },
        { "relu-network", "dJ-da2", [0, -6] },
        { "relu-network", "dJ-dW2", [0, 0, -18, 0] },
        { "relu-network", "dJ-da1", [-6, 0] },
        { "relu-network", "dJ-dW1", [-18, 0] },
        { "relu-network", "W3-next", [-1, 1.18] },
        { "relu-network", "W2-next", [-1, 1, 1.18, -1] },
        { "relu-network", "W1-next", [1.18, -1] },
        { "relu-network", "identity-conv", [6, 8, 9, 8] },

        // Seed 002: (x + y)z, the sigmoid neuron (σ(1) and σ'(1) = σ(1)(1 − σ(1))), ‖Wx‖².
        { "backprop-examples", "f", [-12] },
        { "backprop-examples", "df-dq", [-4] },
        { "backprop-examples", "df-dx", [-4] },
        { "backprop-examples", "df-dy", [-4] },
        { "backprop-examples", "df-dz", [3] },
        { "backprop-examples", "neuron", [Sigma] },
        { "backprop-examples", "dn-dw0", [SigmaPrime * -1] },  // × x0
        { "backprop-examples", "dn-dx0", [SigmaPrime * 2] },   // × w0
        { "backprop-examples", "dn-dw1", [SigmaPrime * -2] },  // × x1
        { "backprop-examples", "dn-dx1", [SigmaPrime * -3] },  // × w1
        { "backprop-examples", "dn-dw2", [SigmaPrime] },
        { "backprop-examples", "q-vec", [0.22, 0.26] },
        { "backprop-examples", "norm-sq", [0.116] },
        { "backprop-examples", "grad-W", [0.088, 0.176, 0.104, 0.208] },
        { "backprop-examples", "grad-x", [-0.112, 0.636] },

        // Seed 003: residual block (the seed's y1 = −0.7, z = 0.3 and dz/db0 = 0.2 are wrong), MLP size and parameters.
        { "residual-block", "x1", [0.4] },
        { "residual-block", "y1", [-0.38] },
        { "residual-block", "z", [0.62] },
        { "residual-block", "dz-dw0", [-0.2] },
        { "residual-block", "dz-dw1", [0.4] },
        { "residual-block", "dz-db0", [-0.2] },
        { "residual-block", "dz-db1", [1] },
        { "residual-block", "size-A", [1024] },
        { "residual-block", "size-B", [512] },
        { "residual-block", "size-C", [1] },
        { "residual-block", "params", [608257] }, // the seed says 357,057

        // Seed 004: the tanh network, x1 = [0.7, 0.3] (the seed's 0.604, 0.291, 0.313, 0.017, −0.1869 agree).
        { "tanh-network", "x1", [0.7, 0.3] },
        { "tanh-network", "x2", [Math.Tanh(0.7), Math.Tanh(0.3)] },
        { "tanh-network", "forward", [X3] },
        { "tanh-network", "loss", [0.5 * (X3 - 0.5) * (X3 - 0.5)] },
        { "tanh-network", "dL-dx3", [X3 - 0.5] },
        { "tanh-network", "mlp-params", [6] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Key_matches_the_hand_checked_value(string assignment, string question, double[] expected)
    {
        var key = Keys.Of(assignment);
        var answer = key.AnswerTo(question);
        Assert.NotNull(answer);
        Assert.Equal(expected.Length, answer.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(answer.Data[i] - expected[i]) <= 1e-9 * Math.Max(1, Math.Abs(expected[i])), $"{question}[{i}]: {answer.Data[i]:R}, expected {expected[i]:R}");
        }
    }

    [Fact]
    public void Seed004_gradient_of_W0_is_in_W0s_shape_and_the_update_rounds_to_the_seeds_numbers()
    {
        var key = Keys.Of("tanh-network");
        var dx1 = key.AnswerTo("dL-dx1")!;
        var g = key.AnswerTo("grad-W0")!;

        // dL/dW0[i, j] = dL/dx1[i] · x0[j] with x0 = [1, 0.1]: the outer product, not its transpose.
        Assert.Equal([2, 2], g.Shape);
        Assert.Equal(dx1.Data[0] * 1.0, g[0, 0], 12);
        Assert.Equal(dx1.Data[0] * 0.1, g[0, 1], 12);
        Assert.Equal(dx1.Data[1] * 1.0, g[1, 0], 12);
        Assert.Equal(dx1.Data[1] * 0.1, g[1, 1], 12);

        // The seed rounds W0 after the step to two digits: [[1.02, −3.0], [0.17, 1.0]], and W1 to [1.02, −0.989].
        var w0 = key.AnswerTo("W0-next")!;
        double[] rounded = [1.02, -3.0, 0.17, 1.0];
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(rounded[i], Math.Round(w0.Data[i], 2));
        }

        var w1 = key.AnswerTo("W1-next")!;
        Assert.Equal(1.02, Math.Round(w1.Data[0], 2));
        Assert.Equal(-0.989, Math.Round(w1.Data[1], 3));
    }

    [Fact]
    public void Seed003_softmax_cross_entropy_gradient_is_p_minus_y()
    {
        var key = Keys.Of("residual-block");
        var p = key.AnswerTo("softmax")!;
        var g = key.AnswerTo("dL-dh")!;
        double[] y = [1, 0, 0];
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(p.Data[i] - y[i], g.Data[i], 12);
        }
    }
}
