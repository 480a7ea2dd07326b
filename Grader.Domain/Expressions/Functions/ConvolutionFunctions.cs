using Grader.Reference;

namespace Grader.Domain.Expressions.Functions;

/// <summary>Convolution, pooling and upsampling.</summary>
internal static class ConvolutionFunctions
{
    /// <summary>The entries, in the documentation's order.</summary>
    public static IEnumerable<BuiltinFunction> All =>
    [
        new("conv2d", ["x", Weight, Bias, new("stride", "1"), new("padding", "0"), new("dilation", "1"), new("groups", "1")],
            c => Ops.Conv2d(c.Arg(0), c.Arg(1), c.Optional(2), Options(c)),
            "cross-correlation (no kernel flip) with zero padding: x (N, C, H, W), or (C, H, W) unbatched, or (H, W) with k (kH, kW); "
            + "k (F, C/groups, kH, kW); b (F); stride, padding and dilation a number or [h, w], or padding \"same\" (stride 1; an even span pads one more after) or \"valid\"; output (N, F, H′, W′), "
            + "side ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1; only x, k, b by position",
            "`F.conv2d`")
        {
            Positional = 3,
            Cost = ConvCost,
        },
        new("conv1d", ["x", Weight, Bias, new("stride", "1"), new("padding", "0"), new("dilation", "1"), new("groups", "1")],
            c => Ops.Conv1d(c.Arg(0), c.Arg(1), c.Optional(2), c.Whole(3, 1), PaddingWord(c) is null ? c.Whole(4, 0) : 0, c.Whole(5, 1), c.Whole(6, 1), PaddingWord(c) == "same"),
            "cross-correlation along the last axis: x (N, C, L) or (C, L), k (F, C/groups, kL), b (F); padding a number, \"same\" or \"valid\" as conv2d's; output (N, F, L′), "
            + "L′ = ⌊(L + 2p − d(k − 1) − 1)/s⌋ + 1; only x, k, b by position",
            "`F.conv1d`")
        {
            Positional = 3,
            Cost = Conv1dCost,
        },
        new("conv_transpose2d", ["x", Weight, Bias, new("stride", "1"), new("padding", "0"), new("output_padding", "0"), new("groups", "1"), new("dilation", "1")],
            c => Ops.ConvTranspose2d(c.Arg(0), c.Arg(1), c.Optional(2), TransposedOptions(c), Pair(c, 5, 0, "output_padding")),
            "the transposed convolution (the gradient of conv2d with respect to its input; each input element adds k scaled by it to the output): "
            + "x (N, C_in, H, W) or (C_in, H, W), k (C_in, C_out/groups, kH, kW), b (C_out); output side (n − 1)s − 2p + d(k − 1) + output_padding + 1, "
            + "output_padding smaller than the stride or the dilation; stride, padding, output_padding, dilation a number or [h, w]; only x, k, b by position",
            "`F.conv_transpose2d`")
        {
            Positional = 3,
            Cost = TransposedCost,
        },
        Pool("maxpool2d", (x, size, stride, padding) => Ops.MaxPool2d(x, size, stride, padding), "the largest element of each window (padding counts as −∞)", "`F.max_pool2d`", "a tie routes the gradient to the window's first maximum"),
        Pool("avgpool2d", (x, size, stride, padding) => Ops.AvgPool2d(x, size, stride, padding), "the mean of each window (padding counts as 0, divisor always kH·kW)", "`F.avg_pool2d(count_include_pad=True)`"),
        Pool1d("maxpool1d", Ops.MaxPool1d, "the largest element of each window along the last axis of (N, C, L) or (C, L) (padding counts as −∞)", "`F.max_pool1d`", "a tie routes the gradient to the window's first maximum"),
        Pool1d("avgpool1d", Ops.AvgPool1d, "the mean of each window along the last axis of (N, C, L) or (C, L) (padding counts as 0, divisor always the window size)", "`F.avg_pool1d(count_include_pad=True)`"),
        new("upsample", ["x", new("scale") { Aliases = ["scale_factor"] }],
            c => Ops.Upsample(c.Arg(0), Pair(c, 1, 1, "scale")),
            "nearest-neighbour upsampling of the last two axes of (N, C, H, W), (C, H, W) or (H, W) by a whole-number scale (or [h, w]): "
            + "each element becomes a block of copies; its gradient sums each block",
            "`F.interpolate(x, scale_factor=scale, mode=\"nearest\")` (a 3-D x is read as one (C, H, W) sample)")
        {
            Cost = UpsampleCost,
        },
    ];

    /// <summary>A convolution's kernel k, <c>weight=</c> as PyTorch names it.</summary>
    private static Parameter Weight => new("k") { Aliases = ["weight"] };

    /// <summary>A convolution's optional bias b, <c>bias=</c> as PyTorch names it.</summary>
    private static Parameter Bias => new("b", "none") { Aliases = ["bias"] };

    /// <summary>A pool's window size, <c>kernel_size=</c> as PyTorch names it.</summary>
    private static Parameter KernelSize => new("size") { Aliases = ["kernel_size"] };

    /// <summary>Argument i as one whole number for both axes, or a list [h, w] of two; the fallback when not given.</summary>
    private static Size2 Pair(CallContext c, int i, Size2 fallback, string name)
    {
        if (c.Raw(i) is null)
        {
            return fallback;
        }

        var v = c.Arg(i).Value;
        if (v.IsScalarLike && v.Rank <= 1)
        {
            return c.Whole(i, 0);
        }

        if (v.Rank == 1 && v.Count == 2 && v.Data.All(d => d == Math.Floor(d) && Math.Abs(d) <= 1_000_000))
        {
            return new Size2((int)v.Data[0], (int)v.Data[1]);
        }

        throw new ExpressionException($"{c.Call.Function}: {name} is a whole number or a list [h, w] of two, got {v}", c.Raw(i)!.StartColumn);
    }

    private static ConvOptions Options(CallContext c) =>
        new(Pair(c, 3, 1, "stride"), PaddingWord(c) is null ? Pair(c, 4, 0, "padding") : 0, Pair(c, 5, 1, "dilation"), c.Whole(6, 1)) { Same = PaddingWord(c) == "same" };

    /// <summary>PyTorch's padding="same" or "valid" (no padding) of conv1d and conv2d, or null for a number.</summary>
    private static string? PaddingWord(CallContext c) => c.Raw(4) switch
    {
        TextExpr { Text: "same" or "valid" } t => t.Text,
        TextExpr t => throw new ExpressionException($"{c.Call.Function}: padding is a number, [h, w], \"same\" or \"valid\", got \"{t.Text}\"", t.Column),
        _ => null,
    };

    private static ConvOptions TransposedOptions(CallContext c) =>
        new(Pair(c, 3, 1, "stride"), Pair(c, 4, 0, "padding"), Pair(c, 7, 1, "dilation"), c.Whole(6, 1));

    /// <summary>The convolution's output (N·F·H′·W′) and work (outputs·C/groups·kH·kW).</summary>
    private static Cost? ConvCost(CallContext c)
    {
        var (xs, ks) = (c.Arg(0).Value.Shape, c.Arg(1).Value.Shape);
        if (xs.Length is < 2 or > 4 || ks.Length is not (2 or 4))
        {
            return null;
        }

        var o = Options(c);
        double batch = xs.Length == 4 ? xs[0] : 1, filters = ks.Length == 4 ? ks[0] : 1, perGroup = ks.Length == 4 ? ks[1] : 1;
        double outputs = o.Same
            ? batch * filters * xs[^2] * xs[^1]
            : batch * filters
            * Window.Dilated(ks[^2], o.Stride.H, o.Padding.H, o.Dilation.H, "conv2d height").OutputLength(xs[^2], "conv2d height")
            * Window.Dilated(ks[^1], o.Stride.W, o.Padding.W, o.Dilation.W, "conv2d width").OutputLength(xs[^1], "conv2d width");
        return new Cost("conv2d", outputs, outputs * perGroup * ks[^2] * ks[^1]);
    }

    /// <summary>The 1-D convolution's output (N·F·L′) and work (outputs·C/groups·kL).</summary>
    private static Cost? Conv1dCost(CallContext c)
    {
        var (xs, ks) = (c.Arg(0).Value.Shape, c.Arg(1).Value.Shape);
        if (xs.Length is not (2 or 3) || ks.Length != 3)
        {
            return null;
        }

        double outputs = (xs.Length == 3 ? xs[0] : 1.0) * ks[0] * (PaddingWord(c) == "same"
            ? xs[^1]
            : Window.Dilated(ks[2], c.Whole(3, 1), PaddingWord(c) is null ? c.Whole(4, 0) : 0, c.Whole(5, 1), "conv1d length").OutputLength(xs[^1], "conv1d length"));
        return new Cost("conv1d", outputs, outputs * ks[1] * ks[2]);
    }

    /// <summary>The transposed convolution's output (N·C_out·H′·W′) and work (every input element times its kernel: N·C_in·H·W·C_out/groups·kH·kW).</summary>
    private static Cost? TransposedCost(CallContext c)
    {
        var (xs, ks) = (c.Arg(0).Value.Shape, c.Arg(1).Value.Shape);
        if (xs.Length is < 2 or > 4 || ks.Length is not (2 or 4))
        {
            return null;
        }

        var (o, outputPadding) = (TransposedOptions(c), Pair(c, 5, 0, "output_padding"));
        double inputs = Tensor.Numel(xs), perGroup = ks.Length == 4 ? ks[1] : 1;
        double outputs = (xs.Length == 4 ? xs[0] : 1.0) * perGroup * Math.Max(1, o.Groups)
            * Window.Dilated(ks[^2], o.Stride.H, o.Padding.H, o.Dilation.H, "conv_transpose2d height").TransposedLength(xs[^2], outputPadding.H, o.Dilation.H, "conv_transpose2d height")
            * Window.Dilated(ks[^1], o.Stride.W, o.Padding.W, o.Dilation.W, "conv_transpose2d width").TransposedLength(xs[^1], outputPadding.W, o.Dilation.W, "conv_transpose2d width");
        return new Cost("conv_transpose2d", outputs, inputs * perGroup * ks[^2] * ks[^1]);
    }

    private static BuiltinFunction Pool(string name, Func<Node, Size2, Size2?, Size2, Node> pool, string computes, string pytorch, string kink = "") =>
        new(name, ["x", KernelSize, new("stride", "size"), new("padding", "0")],
            c => pool(c.Arg(0), Pair(c, 1, 0, "size"), c.Raw(2) is null ? null : Pair(c, 2, 0, "stride"), Pair(c, 3, 0, "padding")),
            computes + " over the last two axes of (N, C, H, W), (C, H, W) or (H, W); size, stride and padding a number or [h, w], padding at most half the window",
            pytorch, kink)
        {
            Cost = PoolCost,
        };

    /// <summary>The pooling's output (leading axes·H′·W′) and work (outputs·kH·kW).</summary>
    private static Cost? PoolCost(CallContext c)
    {
        var size = Pair(c, 1, 0, "size");
        var xs = c.Arg(0).Value.Shape;
        var stride = c.Raw(2) is null ? size : Pair(c, 2, size, "stride");
        var padding = Pair(c, 3, 0, "padding");
        if (xs.Length is < 2 or > 4 || 2 * padding.H > size.H || 2 * padding.W > size.W)
        {
            return null;
        }

        double outputs = (double)Tensor.Numel(xs[..^2])
            * new Window(size.H, stride.H, padding.H).OutputLength(xs[^2], "pooling height")
            * new Window(size.W, stride.W, padding.W).OutputLength(xs[^1], "pooling width");
        return new Cost("pooling", outputs, outputs * size.H * size.W);
    }

    private static BuiltinFunction Pool1d(string name, Func<Node, int, int?, int, Node> pool, string computes, string pytorch, string kink = "") =>
        new(name, ["x", KernelSize, new("stride", "size"), new("padding", "0")],
            c => pool(c.Arg(0), c.Whole(1, 0), c.Raw(2) is null ? null : c.Whole(2, 0), c.Whole(3, 0)),
            computes + "; padding at most half the window", pytorch, kink)
        {
            Cost = Pool1dCost,
        };

    /// <summary>The 1-D pooling's output (leading axes·L′) and work (outputs·size).</summary>
    private static Cost? Pool1dCost(CallContext c)
    {
        var size = c.Whole(1, 0);
        var xs = c.Arg(0).Value.Shape;
        var stride = c.Raw(2) is null ? size : c.Whole(2, size);
        var padding = c.Whole(3, 0);
        if (xs.Length is not (2 or 3) || 2 * padding > size)
        {
            return null;
        }

        double outputs = (double)Tensor.Numel(xs[..^1]) * new Window(size, stride, padding).OutputLength(xs[^1], "pooling length");
        return new Cost("pooling", outputs, outputs * size);
    }

    /// <summary>The upsampled tensor (elements·sH·sW), one copy per element.</summary>
    private static Cost? UpsampleCost(CallContext c)
    {
        var (x, scale) = (c.Arg(0).Value, Pair(c, 1, 1, "scale"));
        if (x.Rank is < 2 or > 4 || scale.H < 1 || scale.W < 1)
        {
            return null;
        }

        var elements = (double)x.Count * scale.H * scale.W;
        return new Cost("upsample", elements, elements);
    }
}
