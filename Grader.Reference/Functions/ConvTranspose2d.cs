namespace Grader.Reference.Functions;

/// <summary>
/// The transposed convolution of x (N, C_in, H, W) with kernels (C_in, C_out/groups, kH, kW) and an
/// optional bias (C_out), as PyTorch's <c>conv_transpose2d</c>: the input gradient of the
/// convolution of its output's shape, each input element spreading its kernel over the output.
/// Its gradients are that convolution and a kernel gradient of the same geometry.
/// </summary>
public sealed class ConvTranspose2d(ConvOptions options, Size2 outputPadding) : Function
{
    private const string Name = "conv_transpose2d";
    private Tensor x = null!;
    private Tensor k = null!;
    private bool hasBias;
    private ConvolutionGeometry geometry = null!;

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        (x, k) = (inputs[0], inputs[1]);
        hasBias = inputs.Length > 2;
        geometry = ConvolutionGeometry.Transposed(x.Shape, k.Shape, options, outputPadding, Name);
        var shape = geometry.XShape;
        if (hasBias && (inputs[2].Rank != 1 || inputs[2].Shape[0] != shape[1]))
        {
            throw new ShapeException($"{Name} bias must have shape ({shape[1]},), got {inputs[2].ShapeText}");
        }

        var y = new double[Tensor.Numel(shape)];
        if (hasBias)
        {
            var channels = ConvolutionGeometry.Channels(shape);
            for (var i = 0; i < y.Length; i++)
            {
                y[i] = inputs[2].Data[channels[i]];
            }
        }

        geometry.Walk(new Conv2dInputGrad.Spread(y, x.Data, k.Data));
        return new Tensor(shape, y);
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput)
    {
        var grads = new Node?[Inputs.Length];
        grads[0] = Inputs[0].RequiresGrad ? new Conv2d(geometry).Apply(gradOutput, Inputs[1]) : null;
        grads[1] = Inputs[1].RequiresGrad ? new Conv2dKernelGrad(geometry).Apply(gradOutput, Inputs[0]) : null;
        if (hasBias && Inputs[2].RequiresGrad)
        {
            grads[2] = new ScatterAdd(ConvolutionGeometry.Channels(geometry.XShape), [geometry.XShape[1]]).Apply(gradOutput);
        }

        return grads;
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        var gx = new double[x.Count];
        var gk = new double[k.Count];
        geometry.Walk(new Gradients(gradOutput.Data, x.Data, k.Data, gx, gk));
        if (!hasBias)
        {
            return [new(x.Shape, gx), new(k.Shape, gk)];
        }

        var gb = new double[geometry.XShape[1]];
        var channels = ConvolutionGeometry.Channels(geometry.XShape);
        for (var i = 0; i < gradOutput.Count; i++)
        {
            gb[channels[i]] += gradOutput.Data[i];
        }

        return [new(x.Shape, gx), new(k.Shape, gk), new([gb.Length], gb)];
    }

    /// <summary>
    /// At a tap (o, i, j) of the convolution this is the adjoint of, x[o] spreads into y[i]:
    /// gx[o] += gy[i]·k[j] and gk[j] += gy[i]·x[o].
    /// </summary>
    private readonly struct Gradients(double[] gy, double[] x, double[] k, double[] gx, double[] gk) : ConvolutionGeometry.ITap
    {
        public void At(int o, int i, int j)
        {
            gx[o] += gy[i] * k[j];
            gk[j] += gy[i] * x[o];
        }
    }
}
