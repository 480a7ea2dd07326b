namespace Grader.Reference.Functions;

/// <summary>
/// Adds each input element into an output of zeros at a flat index: output[index[j]] += x[j].
/// Its gradient gathers (<see cref="Gather"/>).
/// </summary>
public sealed class ScatterAdd(int[] index, int[] shape) : Function
{
    private int[] inputShape = [];

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        var x = inputs[0];
        inputShape = x.Shape;
        var data = new double[Tensor.Numel(shape)];
        for (var j = 0; j < index.Length; j++)
        {
            data[index[j]] += x.Data[j];
        }

        return new Tensor(shape, data);
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) => [new Gather(index, inputShape).Apply(gradOutput)];
}
