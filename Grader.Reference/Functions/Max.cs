namespace Grader.Reference.Functions;

/// <summary>
/// The largest element, a scalar. On a tie the gradient is split evenly among the tied elements,
/// as PyTorch's <c>torch.max(x)</c> (no dim; amax semantics) does.
/// </summary>
public sealed class Max : Function
{
    private Tensor input = null!;
    private double max;

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        input = inputs[0];
        if (input.Count == 0)
        {
            throw new ShapeException("max of an empty tensor");
        }

        max = input.Data.Max();
        return Tensor.Scalar(max);
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        var ties = input.Data.Count(v => v == max);
        var share = gradOutput.ScalarValue / ties;
        return [input.Map(v => v == max ? share : 0)];
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput)
    {
        var ties = input.Data.Count(v => v == max);
        return [Ops.Mul(Node.Constant(input.Map(v => v == max ? 1.0 / ties : 0)), gradOutput)];
    }
}
