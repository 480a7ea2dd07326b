namespace Grader.Reference.Functions;

/// <summary>Broadcasts a one-element tensor to a shape; the backward pass sums the gradient back.</summary>
public sealed class Expand(int[] shape) : Function
{
    private int[] inputShape = [];

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        inputShape = inputs[0].Shape;
        return Tensor.Full(shape, inputs[0].ScalarValue);
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput) =>
        [Tensor.Full(inputShape, gradOutput.Data.Sum())];

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) => [Ops.Reshape(Ops.Sum(gradOutput), inputShape)];
}
