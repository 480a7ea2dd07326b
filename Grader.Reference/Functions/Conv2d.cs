namespace Grader.Reference.Functions;

/// <summary>
/// 2-D convolution as deep-learning courses define it (cross-correlation, no kernel flip), with
/// zero padding on every side: x (C, H, W), kernels (F, C, kH, kW), optional bias (F) → (F, H', W').
/// </summary>
public sealed class Conv2d(int stride, int padding) : Function
{
    private Tensor x = null!;
    private Tensor k = null!;
    private bool hasBias;
    private int outH;
    private int outW;

    private delegate void Tap(int output, int input, int kernel);

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        (x, k) = (inputs[0], inputs[1]);
        hasBias = inputs.Length > 2;
        if (x.Rank != 3 || k.Rank != 4 || k.Shape[1] != x.Shape[0])
        {
            throw new ShapeException($"conv2d needs x (C, H, W) and kernels (F, C, kH, kW), got {x.ShapeText} and {k.ShapeText}");
        }

        var f = k.Shape[0];
        if (hasBias && (inputs[2].Rank != 1 || inputs[2].Shape[0] != f))
        {
            throw new ShapeException($"conv2d bias must have shape ({f},), got {inputs[2].ShapeText}");
        }

        outH = new Window(k.Shape[2], stride, padding).OutputLength(x.Shape[1], "conv2d height");
        outW = new Window(k.Shape[3], stride, padding).OutputLength(x.Shape[2], "conv2d width");
        var y = new double[checked(f * outH * outW)];
        if (hasBias)
        {
            for (var o = 0; o < y.Length; o++)
            {
                y[o] = inputs[2].Data[o / (outH * outW)];
            }
        }

        Walk((o, xi, ki) => y[o] += x.Data[xi] * k.Data[ki]);
        return new Tensor([f, outH, outW], y);
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        var gx = new double[x.Count];
        var gk = new double[k.Count];
        Walk((o, xi, ki) =>
        {
            gx[xi] += gradOutput.Data[o] * k.Data[ki];
            gk[ki] += gradOutput.Data[o] * x.Data[xi];
        });
        if (!hasBias)
        {
            return [new(x.Shape, gx), new(k.Shape, gk)];
        }

        var gb = new double[k.Shape[0]];
        for (var o = 0; o < gradOutput.Count; o++)
        {
            gb[o / (outH * outW)] += gradOutput.Data[o];
        }

        return [new(x.Shape, gx), new(k.Shape, gk), new([k.Shape[0]], gb)];
    }

    /// <summary>Visits every (output, input, kernel) triple that the convolution multiplies, skipping padding.</summary>
    private void Walk(Tap tap)
    {
        int f = k.Shape[0], c = x.Shape[0], h = x.Shape[1], w = x.Shape[2], kh = k.Shape[2], kw = k.Shape[3];
        for (var fi = 0; fi < f; fi++)
        {
            for (var oy = 0; oy < outH; oy++)
            {
                for (var ox = 0; ox < outW; ox++)
                {
                    var o = (((fi * outH) + oy) * outW) + ox;
                    for (var ci = 0; ci < c; ci++)
                    {
                        for (var dy = 0; dy < kh; dy++)
                        {
                            var iy = (oy * stride) + dy - padding;
                            for (var dx = 0; iy >= 0 && iy < h && dx < kw; dx++)
                            {
                                var ix = (ox * stride) + dx - padding;
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
