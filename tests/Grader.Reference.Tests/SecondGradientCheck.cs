using Grader.Reference;

namespace Grader.Reference.Tests;

/// <summary>
/// Checks a gradient of a gradient: for f with inputs x, the first gradient G_i = ∂(Σ r·f)/∂x_i
/// is kept in the graph (<see cref="Ops.Grad"/>), reduced to h = Σ_i Σ v_i·G_i with fixed random
/// weights, and h's reverse-mode gradient is compared with central finite differences of h, each
/// side computed from first-order gradients alone.
/// </summary>
public static class SecondGradientCheck
{
    public static void Assert(Func<Node[], Node> f, Tensor[] inputs, int seed, double h = 1e-5, double tol = 1e-5)
    {
        var r = Weights(f(Leaves(inputs)).Value.Shape, seed);
        var v = inputs.Select((t, i) => Weights(t.Shape, seed + i + 1)).ToArray();
        var leaves = Leaves(inputs);
        var first = Reduce(f(leaves), r);
        var second = Reduce2(leaves.Select(x => Ops.Grad(first, x)).ToArray(), v);
        var grads = second.RequiresGrad ? second.Gradients() : new Dictionary<Node, Tensor>();
        for (var i = 0; i < inputs.Length; i++)
        {
            var analytic = grads.TryGetValue(leaves[i], out var g) ? g : Tensor.Zeros(inputs[i].Shape);
            Xunit.Assert.Equal(inputs[i].Shape, analytic.Shape);
            for (var k = 0; k < inputs[i].Count; k++)
            {
                var numeric = (FirstOrder(f, inputs, i, k, h, r, v) - FirstOrder(f, inputs, i, k, -h, r, v)) / (2 * h);
                var scale = Math.Max(1, Math.Abs(numeric));
                Xunit.Assert.True(
                    Math.Abs(numeric - analytic.Data[k]) <= tol * scale,
                    $"input {i} element {k}: second-order autodiff {analytic.Data[k]:R}, finite difference of the first gradient {numeric:R}");
            }
        }
    }

    private static Node[] Leaves(Tensor[] inputs) => [.. inputs.Select(Node.Leaf)];

    private static Tensor Weights(int[] shape, int seed)
    {
        var rng = new Random(seed + 104729);
        return new Tensor(shape, [.. Enumerable.Range(0, Tensor.Numel(shape)).Select(_ => rng.NextDouble() + 0.5)]);
    }

    private static Node Reduce(Node y, Tensor weights) => Ops.Sum(Ops.Mul(y, Node.Constant(weights)));

    private static Node Reduce2(Node[] grads, Tensor[] weights)
    {
        var total = Ops.Constant(0);
        for (var i = 0; i < grads.Length; i++)
        {
            total = Ops.Add(total, Reduce(grads[i], weights[i]));
        }

        return total;
    }

    /// <summary>h at the inputs with element k of input i moved by delta, from first-order gradients only.</summary>
    private static double FirstOrder(Func<Node[], Node> f, Tensor[] inputs, int which, int k, double delta, Tensor r, Tensor[] v)
    {
        var shifted = GradientCheck.Shift(inputs, which, k, delta);
        var leaves = Leaves(shifted);
        var grads = Reduce(f(leaves), r).Gradients();
        var total = 0.0;
        for (var i = 0; i < leaves.Length; i++)
        {
            if (grads.TryGetValue(leaves[i], out var g))
            {
                total += g.Data.Zip(v[i].Data, (a, b) => a * b).Sum();
            }
        }

        return total;
    }
}
