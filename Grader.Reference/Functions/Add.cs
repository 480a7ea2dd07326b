namespace Grader.Reference.Functions;

/// <summary>Element-wise sum of two tensors of equal shape.</summary>
public sealed class Add : Function
{
    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs) => inputs[0].Zip(inputs[1], (a, b) => a + b);

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput) => [gradOutput, gradOutput];

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) => [gradOutput, gradOutput];
}
