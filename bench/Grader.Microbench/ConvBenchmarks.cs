using BenchmarkDotNet.Attributes;
using Grader.Reference;

namespace Grader.Microbench;

/// <summary>
/// The convolution's cost per sample, alone and in a batch (issue 19: a batched (N, C, H, W) conv
/// costs at most 1.1× per sample of a single (C, H, W) sample): forward and first-order backward of
/// a CS231n-sized layer, 8 filters 5×5 over 3×32×32 at padding 2. Both report time per sample.
/// </summary>
[MemoryDiagnoser]
public class ConvBenchmarks
{
    /// <summary>The samples in a batch.</summary>
    public const int Batch = 16;

    private static readonly ConvOptions Options = new(1, 2);
    private Tensor one = null!, batch = null!, kernels = null!, bias = null!;

    /// <summary>Draws the inputs once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var r = new Random(19);
        Tensor Draw(params int[] s) => new(s, [.. Enumerable.Range(0, Tensor.Numel(s)).Select(_ => r.NextDouble() - 0.5)]);
        (one, batch, kernels, bias) = (Draw(3, 32, 32), Draw(Batch, 3, 32, 32), Draw(8, 3, 5, 5), Draw(8));
    }

    /// <summary>One (C, H, W) sample: forward, then the kernels' gradient.</summary>
    [Benchmark(Baseline = true)]
    public double Single() => Step(one);

    /// <summary>A (16, C, H, W) batch, reported per sample.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public double Batched() => Step(batch);

    private double Step(Tensor x)
    {
        var (xn, kn, bn) = (Node.Leaf(x), Node.Leaf(kernels), Node.Leaf(bias));
        var loss = Ops.Sum(Ops.Conv2d(xn, kn, bn, Options));
        return loss.Gradients()[kn].Data[0];
    }
}
