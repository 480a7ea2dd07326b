namespace Grader.Reference.Functions;

/// <summary>The same elements under another shape of the same size.</summary>
public sealed class Reshape(int[] shape) : Function
{
    private int[] inputShape = [];

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        inputShape = inputs[0].Shape;
        if (Tensor.Numel(shape) != inputs[0].Count)
        {
            throw new ShapeException(
                $"cannot reshape {inputs[0].ShapeText} ({inputs[0].Count} elements) to {Tensor.FormatShape(shape)}");
        }

        return inputs[0].Reshape(shape);
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput) => [gradOutput.Reshape(inputShape)];

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) => [Ops.Reshape(gradOutput, inputShape)];
}
