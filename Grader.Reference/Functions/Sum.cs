namespace Grader.Reference.Functions;

/// <summary>The sum of every element, a scalar.</summary>
public sealed class Sum : Function
{
    private int[] inputShape = [];

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        inputShape = inputs[0].Shape;
        return Tensor.Scalar(inputs[0].Data.Sum());
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput) =>
        [Tensor.Full(inputShape, gradOutput.ScalarValue)];

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) => [new Expand(inputShape).Apply(gradOutput)];
}
