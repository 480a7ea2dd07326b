namespace Grader.Reference.Functions;

/// <summary>Element-wise product of two tensors of equal shape.</summary>
public sealed class Mul : Function
{
    private Tensor a = null!;
    private Tensor b = null!;

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        (a, b) = (inputs[0], inputs[1]);
        return a.Zip(b, (x, y) => x * y);
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput) =>
        [gradOutput.Zip(b, (g, y) => g * y), gradOutput.Zip(a, (g, x) => g * x)];

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) =>
        [Inputs[0].RequiresGrad ? Ops.Mul(gradOutput, Inputs[1]) : null, Inputs[1].RequiresGrad ? Ops.Mul(gradOutput, Inputs[0]) : null];
}
