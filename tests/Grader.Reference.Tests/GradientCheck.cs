using Grader.Reference;

namespace Grader.Reference.Tests;

/// <summary>
/// Compares reverse-mode gradients with central finite differences in double precision. A
/// non-scalar output y is reduced to Σ r·y with fixed random weights r, so every output element's
/// gradient is checked.
/// </summary>
public static class GradientCheck
{
    public static void Assert(Func<Node[], Node> f, Tensor[] inputs, int seed, double h = 1e-6, double tol = 1e-6)
    {
        var weights = RandomWeights(f(Leaves(inputs)).Value, seed);
        var leaves = Leaves(inputs);
        var grads = Reduce(f(leaves), weights).Gradients();
        for (var i = 0; i < inputs.Length; i++)
        {
            var analytic = grads.TryGetValue(leaves[i], out var g) ? g : Tensor.Zeros(inputs[i].Shape);
            Xunit.Assert.Equal(inputs[i].Shape, analytic.Shape);
            for (var k = 0; k < inputs[i].Count; k++)
            {
                var numeric = (Eval(f, inputs, i, k, h, weights) - Eval(f, inputs, i, k, -h, weights)) / (2 * h);
                var scale = Math.Max(1, Math.Abs(numeric));
                Xunit.Assert.True(
                    Math.Abs(numeric - analytic.Data[k]) <= tol * scale,
                    $"input {i} element {k}: autodiff {analytic.Data[k]:R}, finite difference {numeric:R}");
            }
        }
    }

    private static Node[] Leaves(Tensor[] inputs) => [.. inputs.Select(Node.Leaf)];

    private static Tensor RandomWeights(Tensor output, int seed)
    {
        var rng = new Random(seed + 7919);
        return new Tensor(output.Shape, [.. Enumerable.Range(0, output.Count).Select(_ => rng.NextDouble() + 0.5)]);
    }

    private static Node Reduce(Node y, Tensor weights) => Ops.Sum(Ops.Mul(y, Node.Constant(weights)));

    private static double Eval(Func<Node[], Node> f, Tensor[] inputs, int which, int k, double delta, Tensor weights) =>
        Reduce(f(Leaves(Shift(inputs, which, k, delta))), weights).Value.ScalarValue;

    /// <summary>The inputs with element k of input <paramref name="which"/> moved by delta.</summary>
    public static Tensor[] Shift(Tensor[] inputs, int which, int k, double delta) =>
        inputs.Select((t, i) =>
        {
            if (i != which)
            {
                return t;
            }

            var data = (double[])t.Data.Clone();
            data[k] += delta;
            return new Tensor(t.Shape, data);
        }).ToArray();
}
