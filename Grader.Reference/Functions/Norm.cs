namespace Grader.Reference.Functions;

/// <summary>
/// The L2 norm of every element, √Σx², a scalar. Its gradient is x/‖x‖, and 0 where ‖x‖ = 0, as
/// PyTorch's <c>norm_backward</c> masks a zero norm (the subgradient 0 at the kink).
/// </summary>
public sealed class Norm : Function
{
    private Tensor input = null!;
    private double norm;

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        input = inputs[0];
        norm = Math.Sqrt(input.Data.Sum(v => v * v));
        return Tensor.Scalar(norm);
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        var scale = norm == 0 ? 0 : gradOutput.ScalarValue / norm;
        return [input.Map(v => v * scale)];
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) =>
        [norm == 0 ? Node.Constant(Tensor.Zeros(input.Shape)) : Ops.Mul(Inputs[0], Ops.Div(gradOutput, Output))];
}
