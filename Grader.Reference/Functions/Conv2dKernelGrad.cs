namespace Grader.Reference.Functions;

/// <summary>
/// The gradient of a convolution with respect to its kernels: from the input x and the output's
/// gradient g, gk[j] = Σ g[o]·x[i] over the taps. Bilinear in (x, g), so its own gradients are an
/// input gradient and a convolution.
/// </summary>
internal sealed class Conv2dKernelGrad(ConvolutionGeometry geometry) : Function
{
    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        var (x, g) = (inputs[0], inputs[1]);
        var gk = new double[Tensor.Numel(geometry.KShape)];
        geometry.Walk(new Correlate(gk, g.Data, x.Data));
        return new Tensor(geometry.KShape, gk);
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) =>
    [
        Inputs[0].RequiresGrad ? new Conv2dInputGrad(geometry).Apply(Inputs[1], gradOutput) : null,
        Inputs[1].RequiresGrad ? new Conv2d(geometry).Apply(Inputs[0], gradOutput) : null,
    ];

    /// <summary>gk[j] += g[o]·x[i].</summary>
    internal readonly struct Correlate(double[] gk, double[] g, double[] x) : ConvolutionGeometry.ITap
    {
        public void At(int o, int i, int j) => gk[j] += g[o] * x[i];
    }
}
