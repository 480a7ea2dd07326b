namespace Grader.Reference.Functions;

/// <summary>
/// Picks elements by flat index: output element j is input element index[j], in the given shape.
/// Its gradient scatters back (<see cref="ScatterAdd"/>), repeated indices accumulating.
/// </summary>
public sealed class Gather(int[] index, int[] shape) : Function
{
    private int[] inputShape = [];

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        var x = inputs[0];
        inputShape = x.Shape;
        var data = new double[index.Length];
        for (var j = 0; j < data.Length; j++)
        {
            data[j] = x.Data[index[j]];
        }

        return new Tensor(shape, data);
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) => [new ScatterAdd(index, inputShape).Apply(gradOutput)];
}
