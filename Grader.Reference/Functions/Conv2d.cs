namespace Grader.Reference.Functions;

/// <summary>
/// 2-D cross-correlation (no kernel flip) of x (N, C, H, W) with kernels (F, C/groups, kH, kW),
/// zero padding, a stride and dilation per axis, groups, and an optional bias (F): output
/// (N, F, H', W'), as PyTorch's <c>conv2d</c>. Its gradients are <see cref="Conv2dInputGrad"/> and
/// <see cref="Conv2dKernelGrad"/>, which are differentiable in turn.
/// </summary>
public sealed class Conv2d : Function
{
    private readonly ConvOptions options;
    private readonly string name;
    private Tensor x = null!;
    private Tensor k = null!;
    private bool hasBias;
    private ConvolutionGeometry? geometry;

    /// <summary>A convolution with the given settings; <paramref name="name"/> is the operation's name in messages.</summary>
    public Conv2d(ConvOptions options, string name = "conv2d") => (this.options, this.name) = (options, name);

    /// <summary>The convolution of a known geometry (the gradient of a transposed convolution, whose output side is fixed).</summary>
    internal Conv2d(ConvolutionGeometry geometry)
        : this(geometry.Options) => this.geometry = geometry;

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        (x, k) = (inputs[0], inputs[1]);
        hasBias = inputs.Length > 2;
        geometry ??= ConvolutionGeometry.Of(x.Shape, k.Shape, options, name);
        var f = k.Shape[0];
        if (hasBias && (inputs[2].Rank != 1 || inputs[2].Shape[0] != f))
        {
            throw new ShapeException($"{name} bias must have shape ({f},), got {inputs[2].ShapeText}");
        }

        var y = new double[Tensor.Numel(geometry.OutputShape)];
        if (hasBias)
        {
            var plane = geometry.OutH * geometry.OutW;
            for (var o = 0; o < y.Length; o++)
            {
                y[o] = inputs[2].Data[o / plane % f];
            }
        }

        geometry.Walk(new Product(y, x.Data, k.Data));
        return new Tensor(geometry.OutputShape, y);
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput)
    {
        var (xn, kn) = (Inputs[0], Inputs[1]);
        var grads = new Node?[Inputs.Length];
        grads[0] = xn.RequiresGrad ? new Conv2dInputGrad(geometry!).Apply(gradOutput, kn) : null;
        grads[1] = kn.RequiresGrad ? new Conv2dKernelGrad(geometry!).Apply(xn, gradOutput) : null;
        if (hasBias && Inputs[2].RequiresGrad)
        {
            grads[2] = new ScatterAdd(ConvolutionGeometry.Channels(geometry!.OutputShape), [k.Shape[0]]).Apply(gradOutput);
        }

        return grads;
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        var gx = new double[x.Count];
        var gk = new double[k.Count];
        geometry!.Walk(new Gradients(gradOutput.Data, x.Data, k.Data, gx, gk));
        if (!hasBias)
        {
            return [new(x.Shape, gx), new(k.Shape, gk)];
        }

        var f = k.Shape[0];
        var gb = new double[f];
        var plane = geometry.OutH * geometry.OutW;
        for (var o = 0; o < gradOutput.Count; o++)
        {
            gb[o / plane % f] += gradOutput.Data[o];
        }

        return [new(x.Shape, gx), new(k.Shape, gk), new([f], gb)];
    }

    /// <summary>y[o] += x[i]·k[j].</summary>
    private readonly struct Product(double[] y, double[] x, double[] k) : ConvolutionGeometry.ITap
    {
        public void At(int o, int i, int j) => y[o] += x[i] * k[j];
    }

    /// <summary>gx[i] += g[o]·k[j] and gk[j] += g[o]·x[i].</summary>
    private readonly struct Gradients(double[] g, double[] x, double[] k, double[] gx, double[] gk) : ConvolutionGeometry.ITap
    {
        public void At(int o, int i, int j)
        {
            gx[i] += g[o] * k[j];
            gk[j] += g[o] * x[i];
        }
    }
}
