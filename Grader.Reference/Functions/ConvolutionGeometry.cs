namespace Grader.Reference.Functions;

/// <summary>
/// Where a 2-D convolution's taps fall: input x (N, C, H, W), kernels (F, C/groups, kH, kW),
/// output (N, F, OutH, OutW), with a stride, padding and dilation per axis. The convolution, its
/// input gradient (a transposed convolution) and its kernel gradient are the three partial sums of
/// one form Σ g[o]·x[i]·k[j] over these taps, so each is written once, as a walk over them.
/// </summary>
internal sealed record ConvolutionGeometry(int[] XShape, int[] KShape, ConvOptions Options, int OutH, int OutW)
{
    /// <summary>What a walk does at each tap: output element o reads input element i through kernel element j.</summary>
    public interface ITap
    {
        /// <summary>One tap.</summary>
        void At(int o, int i, int j);
    }

    /// <summary>The output's shape (N, F, OutH, OutW).</summary>
    public int[] OutputShape => [XShape[0], KShape[0], OutH, OutW];

    /// <summary>The geometry of a convolution of x with k, checked.</summary>
    public static ConvolutionGeometry Of(int[] x, int[] k, ConvOptions options, string name)
    {
        Check(x, k, options, name);
        if (options.Same)
        {
            return Same(x, k, options, name);
        }

        return new ConvolutionGeometry(x, k, options,
            Window.Dilated(k[2], options.Stride.H, options.Padding.H, options.Dilation.H, name + " height").OutputLength(x[2], name + " height"),
            Window.Dilated(k[3], options.Stride.W, options.Padding.W, options.Dilation.W, name + " width").OutputLength(x[3], name + " width"));
    }

    /// <summary>
    /// The geometry of the convolution whose input gradient is the transposed convolution of x
    /// (N, C_in, H, W) with k (C_in, C_out/groups, kH, kW), as PyTorch's <c>conv_transpose2d</c>:
    /// its input, the transposed convolution's output, has side (n − 1)·s − 2p + d·(k − 1) + output_padding + 1.
    /// </summary>
    public static ConvolutionGeometry Transposed(int[] x, int[] k, ConvOptions options, Size2 outputPadding, string name)
    {
        if (x.Length != 4 || k.Length != 4 || x[1] != k[0])
        {
            throw new ShapeException($"{name} needs x (N, C_in, H, W) and kernels (C_in, C_out/groups, kH, kW), got {Tensor.FormatShape(x)} and {Tensor.FormatShape(k)}");
        }

        var groups = options.Groups;
        if (groups < 1 || x[1] % groups != 0)
        {
            throw new ShapeException($"{name}: groups must be at least 1 and divide the input channels {x[1]}, got {groups}");
        }

        var h = Window.Dilated(k[2], options.Stride.H, options.Padding.H, options.Dilation.H, name + " height")
            .TransposedLength(x[2], outputPadding.H, options.Dilation.H, name + " height");
        var w = Window.Dilated(k[3], options.Stride.W, options.Padding.W, options.Dilation.W, name + " width")
            .TransposedLength(x[3], outputPadding.W, options.Dilation.W, name + " width");
        if ((long)k[1] * groups > int.MaxValue)
        {
            throw new ShapeException($"{name}: {k[1]} output channels per group times {groups} groups is too many");
        }

        return new ConvolutionGeometry([x[0], k[1] * groups, h, w], k, options, x[2], x[3]);
    }

    /// <summary>
    /// Calls <paramref name="tap"/> for every tap, padding left out, output by output (and within
    /// an output by channel, kernel row, kernel column: the order fixes the rounding).
    /// </summary>
    public void Walk<T>(T tap)
        where T : struct, ITap
    {
        int n = XShape[0], c = XShape[1], h = XShape[2], w = XShape[3];
        int f = KShape[0], cg = KShape[1], kh = KShape[2], kw = KShape[3];
        var (sh, sw, ph, pw, dh, dw) = (Options.Stride.H, Options.Stride.W, Options.Padding.H, Options.Padding.W, Options.Dilation.H, Options.Dilation.W);
        var perGroup = f / Options.Groups;
        for (var b = 0; b < n; b++)
        {
            for (var fi = 0; fi < f; fi++)
            {
                var firstChannel = (b * c) + (fi / perGroup * cg);
                for (var oy = 0; oy < OutH; oy++)
                {
                    var (dyFrom, dyTo) = Taps(oy * sh, ph, dh, kh, h);
                    for (var ox = 0; ox < OutW; ox++)
                    {
                        var o = (((((b * f) + fi) * OutH) + oy) * OutW) + ox;
                        var (dxFrom, dxTo) = Taps(ox * sw, pw, dw, kw, w);
                        for (var ci = 0; ci < cg; ci++)
                        {
                            for (var dy = dyFrom; dy < dyTo; dy++)
                            {
                                var iy = (oy * sh) + (dy * dh) - ph;
                                int xRow = ((((firstChannel + ci) * h) + iy) * w) + (ox * sw) - pw, kRow = ((((fi * cg) + ci) * kh) + dy) * kw;
                                for (var dx = dxFrom; dx < dxTo; dx++)
                                {
                                    tap.At(o, xRow + (dx * dw), kRow + dx);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// The kernel taps [from, to) of a window starting at <paramref name="start"/> − p that land
    /// inside an input of length n (the rest fall in the padding).
    /// </summary>
    private static (int From, int To) Taps(int start, int padding, int dilation, int size, int n)
    {
        var first = start - padding;
        var from = first >= 0 ? 0 : (-first + dilation - 1) / dilation;
        var to = n - first <= 0 ? 0 : Math.Min(size, ((n - first - 1) / dilation) + 1);
        return (from, Math.Max(from, to));
    }

    /// <summary>The channel (axis 1) of each element of an (N, C, H, W) tensor, for a bias.</summary>
    public static int[] Channels(int[] shape)
    {
        var (c, plane) = (shape[1], shape[2] * shape[3]);
        var channels = new int[Tensor.Numel(shape)];
        for (var o = 0; o < channels.Length; o++)
        {
            channels[o] = o / plane % c;
        }

        return channels;
    }

    /// <summary>
    /// padding="same": the leading padding d(k − 1)/2 is what the walk uses; the output keeps the
    /// input's side, which the trailing padding (the rest of the span) makes up.
    /// </summary>
    private static ConvolutionGeometry Same(int[] x, int[] k, ConvOptions options, string name)
    {
        if (options.Stride != new Size2(1, 1))
        {
            throw new ShapeException($"{name}: padding=\"same\" needs stride 1, as in PyTorch, got stride {options.Stride}");
        }

        var (h, w) = (Window.Dilated(k[2], 1, 0, options.Dilation.H, name + " height"), Window.Dilated(k[3], 1, 0, options.Dilation.W, name + " width"));
        return new ConvolutionGeometry(x, k, options with { Padding = new Size2((h.Size - 1) / 2, (w.Size - 1) / 2), Same = false }, x[2], x[3]);
    }

    private static void Check(int[] x, int[] k, ConvOptions options, string name)
    {
        if (x.Length != 4 || k.Length != 4)
        {
            throw new ShapeException($"{name} needs x (N, C, H, W) and kernels (F, C/groups, kH, kW), got {Tensor.FormatShape(x)} and {Tensor.FormatShape(k)}");
        }

        var groups = options.Groups;
        if (groups < 1 || x[1] % groups != 0 || k[0] % groups != 0)
        {
            throw new ShapeException($"{name}: groups must be at least 1 and divide both the input channels {x[1]} and the filters {k[0]}, got {groups}");
        }

        if ((long)k[1] * groups != x[1])
        {
            throw new ShapeException(groups == 1
                ? $"{name}: kernels {Tensor.FormatShape(k)} expect {k[1]} input channel(s), x {Tensor.FormatShape(x)} has {x[1]}"
                : $"{name}: kernels {Tensor.FormatShape(k)} with groups={groups} expect {(long)k[1] * groups} input channels, x {Tensor.FormatShape(x)} has {x[1]}");
        }
    }
}
