namespace Grader.Reference.Functions;

/// <summary>
/// Where a 2-D convolution's taps fall: input x (C, H, W), kernels (F, C, kH, kW), output
/// (F, OutH, OutW). The convolution, its input gradient and its kernel gradient are the three
/// partial sums of one form Σ g[o]·x[i]·k[j] over these taps.
/// </summary>
internal sealed record ConvolutionGeometry(int[] XShape, int[] KShape, int Stride, int Padding, int OutH, int OutW)
{
    /// <summary>A tap: output element o reads input element i through kernel element j.</summary>
    public delegate void Tap(int o, int i, int j);

    /// <summary>The output's shape (F, OutH, OutW).</summary>
    public int[] OutputShape => [KShape[0], OutH, OutW];

    /// <summary>The geometry of x and k, checked.</summary>
    public static ConvolutionGeometry Of(int[] x, int[] k, int stride, int padding)
    {
        if (x.Length != 3 || k.Length != 4 || k[1] != x[0])
        {
            throw new ShapeException($"conv2d needs x (C, H, W) and kernels (F, C, kH, kW), got {Tensor.FormatShape(x)} and {Tensor.FormatShape(k)}");
        }

        return new ConvolutionGeometry(x, k, stride, padding,
            new Window(k[2], stride, padding).OutputLength(x[1], "conv2d height"),
            new Window(k[3], stride, padding).OutputLength(x[2], "conv2d width"));
    }

    /// <summary>Calls <paramref name="tap"/> for every tap, padding left out.</summary>
    public void Walk(Tap tap)
    {
        int f = KShape[0], c = XShape[0], h = XShape[1], w = XShape[2], kh = KShape[2], kw = KShape[3];
        for (var fi = 0; fi < f; fi++)
        {
            for (var oy = 0; oy < OutH; oy++)
            {
                for (var ox = 0; ox < OutW; ox++)
                {
                    var o = (((fi * OutH) + oy) * OutW) + ox;
                    for (var ci = 0; ci < c; ci++)
                    {
                        for (var dy = 0; dy < kh; dy++)
                        {
                            var iy = (oy * Stride) + dy - Padding;
                            for (var dx = 0; iy >= 0 && iy < h && dx < kw; dx++)
                            {
                                var ix = (ox * Stride) + dx - Padding;
                                if (ix >= 0 && ix < w)
                                {
                                    tap(o, (((ci * h) + iy) * w) + ix, (((((fi * c) + ci) * kh) + dy) * kw) + dx);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
