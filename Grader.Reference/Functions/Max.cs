namespace Grader.Reference.Functions;

/// <summary>The largest element, a scalar; it keeps its argmax (the first on a tie) for the backward pass.</summary>
public sealed class Max : Function
{
    private int[] inputShape = [];
    private int argmax;

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        var x = inputs[0];
        if (x.Count == 0)
        {
            throw new ShapeException("max of an empty tensor");
        }

        inputShape = x.Shape;
        argmax = 0;
        for (var i = 1; i < x.Count; i++)
        {
            if (x.Data[i] > x.Data[argmax])
            {
                argmax = i;
            }
        }

        return Tensor.Scalar(x.Data[argmax]);
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        var g = Tensor.Zeros(inputShape);
        g.Data[argmax] = gradOutput.ScalarValue;
        return [g];
    }
}
