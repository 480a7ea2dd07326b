using System.Diagnostics;
using Grader.Reference;

namespace Grader.Bench;

/// <summary>
/// The convolution's cost per sample, batched and alone (issue 19: a batched (N, C, H, W) conv
/// costs at most 1.1× per sample of a single (C, H, W) sample): forward and first-order backward
/// of a CS231n-sized layer, 8 filters 5×5 over 3×32×32 at padding 2. Run with <c>--phases conv</c>.
/// </summary>
public static class ConvBenchmark
{
    private const int Batch = 16;

    /// <summary>Microseconds per sample: one sample at a time, and in a batch of <see cref="Batch"/>.</summary>
    public static (double Single, double Batched) Run()
    {
        var r = new Random(19);
        Tensor Draw(params int[] s) => new(s, [.. Enumerable.Range(0, Tensor.Numel(s)).Select(_ => r.NextDouble() - 0.5)]);
        var (one, batch, k, b) = (Draw(3, 32, 32), Draw(Batch, 3, 32, 32), Draw(8, 3, 5, 5), Draw(8));
        var options = new ConvOptions(1, 2);
        double Step(Tensor x)
        {
            var (xn, kn, bn) = (Node.Leaf(x), Node.Leaf(k), Node.Leaf(b));
            var loss = Ops.Sum(Ops.Conv2d(xn, kn, bn, options));
            return loss.Gradients()[kn].Data[0];
        }

        double Time(Tensor x, int samples)
        {
            var watch = Stopwatch.StartNew();
            var runs = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(2))
            {
                Step(x);
                runs++;
            }

            return watch.Elapsed.TotalMicroseconds / runs / samples;
        }

        Time(one, 1); // warm-up: the JIT's optimised tier is what is measured
        Time(batch, Batch);
        var single = new List<double>();
        var batched = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            single.Add(Time(one, 1));
            batched.Add(Time(batch, Batch));
        }

        return (single.Order().ElementAt(1), batched.Order().ElementAt(1));
    }

    /// <summary>The figures as a line of the report.</summary>
    public static string Table((double Single, double Batched) r) =>
        $"conv2d 8×3×5×5 over 3×32×32, forward + backward, median of 3: {r.Single:0} µs a sample alone, {r.Batched:0} µs a sample in a batch of {Batch} ({r.Batched / r.Single:0.00}×)";
}
