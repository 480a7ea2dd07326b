namespace Grader.Reference.Functions;

/// <summary>
/// One-hot rows of class indices (PyTorch's <c>F.one_hot</c>, as float64): indices of shape S
/// give S + (n): 1 at each index, 0 elsewhere. The indices take no gradient.
/// </summary>
public sealed class OneHot(int classes) : Function
{
    /// <summary>The one-hot tensor of whole class indices in [0, classes).</summary>
    public static Tensor Of(Tensor indices, int classes)
    {
        var data = new double[checked(indices.Count * classes)];
        for (var i = 0; i < indices.Count; i++)
        {
            var v = indices.Data[i];
            if (v != Math.Floor(v) || v < 0 || v >= classes)
            {
                throw new ShapeException($"one-hot needs whole class indices from 0 to {classes - 1}, got {v}");
            }

            data[(i * classes) + (int)v] = 1;
        }

        return new Tensor([.. indices.Shape, classes], data);
    }

    /// <inheritdoc />
    internal override bool TakesIndices => true;

    /// <inheritdoc />
    internal override bool IsIndex(int input) => true;

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs) => Of(inputs[0], classes);

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput) => [Tensor.Zeros(Inputs[0].Value.Shape)];

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) => [null];
}
