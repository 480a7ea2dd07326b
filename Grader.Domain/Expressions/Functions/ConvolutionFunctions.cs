using Grader.Reference;

namespace Grader.Domain.Expressions.Functions;

/// <summary>Convolution and pooling.</summary>
internal static class ConvolutionFunctions
{
    /// <summary>The entries, in the documentation's order.</summary>
    public static IEnumerable<BuiltinFunction> All =>
    [
        new("conv2d", ["x", "k", new("b", "none"), new("stride", "1"), new("padding", "0")],
            c => Ops.Conv2d(c.Arg(0), c.Arg(1), c.Optional(2), c.Whole(3, 1), c.Whole(4, 0)),
            "cross-correlation (no kernel flip) with zero padding: x (H, W) or (C, H, W), k (kH, kW) or (F, C, kH, kW), b (F); output side ⌊(n + 2p − k)/s⌋ + 1",
            "`F.conv2d` (unbatched)")
        {
            Cost = ConvCost,
        },
        Pool("maxpool2d", (x, size, stride, padding) => Ops.MaxPool2d(x, size, stride, padding), "the largest element of each window (padding counts as −∞)", "`F.max_pool2d`", "a tie routes the gradient to the window's first maximum"),
        Pool("avgpool2d", (x, size, stride, padding) => Ops.AvgPool2d(x, size, stride, padding), "the mean of each window (padding counts as 0, divisor always size²)", "`F.avg_pool2d(count_include_pad=True)`"),
    ];

    /// <summary>The convolution's output (F·H'·W') and work (outputs·C·kH·kW).</summary>
    private static Cost? ConvCost(CallContext c)
    {
        var (xs, ks) = (c.Arg(0).Value.Shape, c.Arg(1).Value.Shape);
        if (xs.Length is not (2 or 3) || ks.Length is not (2 or 4))
        {
            return null;
        }

        int stride = c.Whole(3, 1), padding = c.Whole(4, 0);
        int channels = xs.Length == 3 ? xs[0] : 1, filters = ks.Length == 4 ? ks[0] : 1, kh = ks[^2], kw = ks[^1];
        double outputs = (double)filters
            * new Window(kh, stride, padding).OutputLength(xs[^2], "conv2d height")
            * new Window(kw, stride, padding).OutputLength(xs[^1], "conv2d width");
        return new Cost("conv2d", outputs, outputs * channels * kh * kw);
    }

    private static BuiltinFunction Pool(string name, Func<Node, int, int?, int, Node> pool, string computes, string pytorch, string kink = "") =>
        new(name, ["x", "size", new("stride", "size"), new("padding", "0")],
            c => pool(c.Arg(0), c.Whole(1, 0), c.Raw(2) is null ? null : c.Whole(2, 0), c.Whole(3, 0)),
            computes + "; padding at most half the window", pytorch, kink)
        {
            Cost = PoolCost,
        };

    /// <summary>The pooling's output (C·H'·W') and work (outputs·size²).</summary>
    private static Cost? PoolCost(CallContext c)
    {
        var size = c.Whole(1, 0);
        var xs = c.Arg(0).Value.Shape;
        var stride = c.Raw(2) is null ? size : c.Whole(2, size);
        var padding = c.Whole(3, 0);
        if (xs.Length is not (2 or 3) || 2 * padding > size)
        {
            return null;
        }

        var window = new Window(size, stride, padding);
        double outputs = (double)(xs.Length == 3 ? xs[0] : 1) * window.OutputLength(xs[^2], "pooling height") * window.OutputLength(xs[^1], "pooling width");
        return new Cost("pooling", outputs, outputs * size * size);
    }
}
