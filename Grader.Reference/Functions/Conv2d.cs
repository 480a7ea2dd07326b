namespace Grader.Reference.Functions;

/// <summary>
/// 2-D cross-correlation (no kernel flip) of x (C, H, W) with kernels (F, C, kH, kW), zero
/// padding, a stride, and an optional bias (F): output (F, H', W'), as PyTorch's <c>conv2d</c>.
/// Its gradients are <see cref="Conv2dInputGrad"/> and <see cref="Conv2dKernelGrad"/>, which are
/// differentiable in turn.
/// </summary>
public sealed class Conv2d(int stride, int padding) : Function
{
    private Tensor x = null!;
    private Tensor k = null!;
    private bool hasBias;
    private ConvolutionGeometry geometry = null!;

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        (x, k) = (inputs[0], inputs[1]);
        hasBias = inputs.Length > 2;
        geometry = ConvolutionGeometry.Of(x.Shape, k.Shape, stride, padding);
        var f = k.Shape[0];
        if (hasBias && (inputs[2].Rank != 1 || inputs[2].Shape[0] != f))
        {
            throw new ShapeException($"conv2d bias must have shape ({f},), got {inputs[2].ShapeText}");
        }

        var plane = geometry.OutH * geometry.OutW;
        var y = new double[checked(f * plane)];
        if (hasBias)
        {
            for (var o = 0; o < y.Length; o++)
            {
                y[o] = inputs[2].Data[o / plane];
            }
        }

        geometry.Walk((o, xi, ki) => y[o] += x.Data[xi] * k.Data[ki]);
        return new Tensor(geometry.OutputShape, y);
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput)
    {
        var (xn, kn) = (Inputs[0], Inputs[1]);
        var grads = new Node?[Inputs.Length];
        grads[0] = xn.RequiresGrad ? new Conv2dInputGrad(geometry).Apply(gradOutput, kn) : null;
        grads[1] = kn.RequiresGrad ? new Conv2dKernelGrad(geometry).Apply(xn, gradOutput) : null;
        if (hasBias && Inputs[2].RequiresGrad)
        {
            var plane = geometry.OutH * geometry.OutW;
            grads[2] = Ops.MatMul(Ops.Reshape(gradOutput, [k.Shape[0], plane]), Node.Constant(Tensor.Full([plane], 1)));
        }

        return grads;
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        var gx = new double[x.Count];
        var gk = new double[k.Count];
        geometry.Walk((o, xi, ki) =>
        {
            gx[xi] += gradOutput.Data[o] * k.Data[ki];
            gk[ki] += gradOutput.Data[o] * x.Data[xi];
        });
        if (!hasBias)
        {
            return [new(x.Shape, gx), new(k.Shape, gk)];
        }

        var gb = new double[k.Shape[0]];
        var plane = geometry.OutH * geometry.OutW;
        for (var o = 0; o < gradOutput.Count; o++)
        {
            gb[o / plane] += gradOutput.Data[o];
        }

        return [new(x.Shape, gx), new(k.Shape, gk), new([k.Shape[0]], gb)];
    }
}
