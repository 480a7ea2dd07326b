namespace Grader.Reference.Functions;

/// <summary>
/// The gradient of a convolution with respect to its input: from the output's gradient g and the
/// kernels k, gx[i] = Σ g[o]·k[j] over the taps (PyTorch's <c>conv_transpose2d</c> of g with k).
/// Bilinear in (g, k), so its own gradients are a convolution and a kernel gradient.
/// </summary>
internal sealed class Conv2dInputGrad(ConvolutionGeometry geometry) : Function
{
    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        var (g, k) = (inputs[0], inputs[1]);
        var gx = new double[Tensor.Numel(geometry.XShape)];
        geometry.Walk(new Spread(gx, g.Data, k.Data));
        return new Tensor(geometry.XShape, gx);
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) =>
    [
        Inputs[0].RequiresGrad ? new Conv2d(geometry).Apply(gradOutput, Inputs[1]) : null,
        Inputs[1].RequiresGrad ? new Conv2dKernelGrad(geometry).Apply(gradOutput, Inputs[0]) : null,
    ];

    /// <summary>gx[i] += g[o]·k[j].</summary>
    internal readonly struct Spread(double[] gx, double[] g, double[] k) : ConvolutionGeometry.ITap
    {
        public void At(int o, int i, int j) => gx[i] += g[o] * k[j];
    }
}
