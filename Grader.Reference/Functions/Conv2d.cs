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

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        (x, k) = (inputs[0], inputs[1]);
        hasBias = inputs.Length > 2;
        if (x.Rank != 3 || k.Rank != 4 || k.Shape[1] != x.Shape[0])
        {
            throw new ShapeException($"conv2d needs x (C, H, W) and kernels (F, C, kH, kW), got {x.ShapeText} and {k.ShapeText}");
        }

        int f = k.Shape[0], c = x.Shape[0], h = x.Shape[1], w = x.Shape[2], kh = k.Shape[2], kw = k.Shape[3];
        if (hasBias && (inputs[2].Rank != 1 || inputs[2].Shape[0] != f))
        {
            throw new ShapeException($"conv2d bias must have shape ({f},), got {inputs[2].ShapeText}");
        }

        outH = new Window(kh, stride, padding).OutputLength(h, "conv2d height");
        outW = new Window(kw, stride, padding).OutputLength(w, "conv2d width");
        var y = new double[checked(f * outH * outW)];
        for (var fi = 0; fi < f; fi++)
        {
            for (var oy = 0; oy < outH; oy++)
            {
                for (var ox = 0; ox < outW; ox++)
                {
                    var s = hasBias ? inputs[2].Data[fi] : 0.0;
                    for (var ci = 0; ci < c; ci++)
                    {
                        for (var dy = 0; dy < kh; dy++)
                        {
                            var iy = (oy * stride) + dy - padding;
                            if (iy < 0 || iy >= h)
                            {
                                continue;
                            }

                            for (var dx = 0; dx < kw; dx++)
                            {
                                var ix = (ox * stride) + dx - padding;
                                if (ix >= 0 && ix < w)
                                {
                                    s += x.Data[(((ci * h) + iy) * w) + ix] * k.Data[(((((fi * c) + ci) * kh) + dy) * kw) + dx];
                                }
                            }
                        }
                    }

                    y[(((fi * outH) + oy) * outW) + ox] = s;
                }
            }
        }

        return new Tensor([f, outH, outW], y);
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        int f = k.Shape[0], c = x.Shape[0], h = x.Shape[1], w = x.Shape[2], kh = k.Shape[2], kw = k.Shape[3];
        var gx = new double[x.Count];
        var gk = new double[k.Count];
        var gb = new double[f];
        for (var fi = 0; fi < f; fi++)
        {
            for (var oy = 0; oy < outH; oy++)
            {
                for (var ox = 0; ox < outW; ox++)
                {
                    var g = gradOutput.Data[(((fi * outH) + oy) * outW) + ox];
                    gb[fi] += g;
                    for (var ci = 0; ci < c; ci++)
                    {
                        for (var dy = 0; dy < kh; dy++)
                        {
                            var iy = (oy * stride) + dy - padding;
                            if (iy < 0 || iy >= h)
                            {
                                continue;
                            }

                            for (var dx = 0; dx < kw; dx++)
                            {
                                var ix = (ox * stride) + dx - padding;
                                if (ix < 0 || ix >= w)
                                {
                                    continue;
                                }

                                var xi = (((ci * h) + iy) * w) + ix;
                                var ki = (((((fi * c) + ci) * kh) + dy) * kw) + dx;
                                gx[xi] += g * k.Data[ki];
                                gk[ki] += g * x.Data[xi];
                            }
                        }
                    }
                }
            }
        }

        var grads = new List<Tensor> { new(x.Shape, gx), new(k.Shape, gk) };
        if (hasBias)
        {
            grads.Add(new Tensor([f], gb));
        }

        return [.. grads];
    }
}
