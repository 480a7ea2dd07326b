namespace Grader.Reference.Functions;

/// <summary>
/// An element-wise function of one tensor: subclasses give the value and its derivative side by
/// side, the derivative twice: at one element (the first-order loop) and as a graph of the
/// engine's operations (so that it can be differentiated again).
/// </summary>
public abstract class ElementwiseFunction : Function
{
    private Tensor input = null!;
    private Tensor output = null!;

    /// <summary>The function at one element.</summary>
    protected abstract double Value(double x);

    /// <summary>The derivative at one element, given the input and the output there.</summary>
    protected abstract double Derivative(double x, double y);

    /// <summary>The derivative as graph nodes, given the input node and the output node.</summary>
    protected abstract Node LocalGradient(Node x, Node y);

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        input = inputs[0];
        var y = new double[input.Count];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = Value(input.Data[i]);
        }

        output = new Tensor(input.Shape, y);
        return output;
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) =>
        [Ops.Mul(gradOutput, LocalGradient(Inputs[0], Output))];

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        var g = new double[input.Count];
        for (var i = 0; i < g.Length; i++)
        {
            g[i] = gradOutput.Data[i] * Derivative(input.Data[i], output.Data[i]);
        }

        return [new Tensor(input.Shape, g)];
    }
}
