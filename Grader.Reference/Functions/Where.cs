namespace Grader.Reference.Functions;

/// <summary>
/// Element-wise selection by a fixed condition: a where the condition is not 0, else b (PyTorch's
/// <c>torch.where</c>). The condition takes no gradient; each input's gradient is the output's
/// where that input was chosen and 0 elsewhere.
/// </summary>
public sealed class Where(Tensor condition) : Function
{
    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        condition.RequireSameShape(inputs[0], "where");
        condition.RequireSameShape(inputs[1], "where");
        var data = new double[condition.Count];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = condition.Data[i] != 0 ? inputs[0].Data[i] : inputs[1].Data[i];
        }

        return new Tensor(condition.Shape, data);
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput)
    {
        var zeros = Node.Constant(Tensor.Zeros(condition.Shape));
        return
        [
            Inputs[0].RequiresGrad ? new Where(condition).Apply(gradOutput, zeros) : null,
            Inputs[1].RequiresGrad ? new Where(condition).Apply(zeros, gradOutput) : null,
        ];
    }
}
