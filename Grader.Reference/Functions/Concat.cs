namespace Grader.Reference.Functions;

/// <summary>
/// Joins tensors along an axis (PyTorch's <c>torch.cat</c>): every input has the same rank and
/// the same sizes except along the axis. Each input's gradient is its part of the output's
/// (<see cref="Gather"/>, whose own gradient scatters back).
/// </summary>
public sealed class Concat(int axis) : Function
{
    private int[][] shapes = [];
    private int[] outputShape = [];

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        if (inputs.Length == 0)
        {
            throw new ShapeException("concat needs at least one tensor");
        }

        var first = inputs[0];
        if (axis < 0 || axis >= first.Rank)
        {
            throw new ShapeException($"axis {axis} is out of range for shape {first.ShapeText}");
        }

        shapes = [.. inputs.Select(t => t.Shape)];
        var along = 0;
        foreach (var t in inputs)
        {
            if (t.Rank != first.Rank || Enumerable.Range(0, t.Rank).Any(d => d != axis && t.Shape[d] != first.Shape[d]))
            {
                throw new ShapeException($"concat along axis {axis} needs the other sizes equal, got {first.ShapeText} and {t.ShapeText}");
            }

            along += t.Shape[axis];
        }

        outputShape = [.. first.Shape];
        outputShape[axis] = along;
        var data = new double[Tensor.Numel(outputShape)];
        for (var i = 0; i < inputs.Length; i++)
        {
            var part = Part(i);
            for (var j = 0; j < part.Length; j++)
            {
                data[part[j]] = inputs[i].Data[j];
            }
        }

        return new Tensor(outputShape, data);
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput) =>
        [.. shapes.Select((s, i) => new Tensor(s, [.. Part(i).Select(o => gradOutput.Data[o])]))];

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) =>
        [.. shapes.Select((s, i) => Inputs[i].RequiresGrad ? new Gather(Part(i), s).Apply(gradOutput) : null)];

    /// <summary>The output offset of each element of input i, in its row-major order.</summary>
    private int[] Part(int i)
    {
        var shape = shapes[i];
        int outer = 1, inner = 1;
        for (var d = 0; d < axis; d++)
        {
            outer *= shape[d];
        }

        for (var d = axis; d < shape.Length; d++)
        {
            inner *= shape[d];
        }

        var row = inner / Math.Max(1, shape[axis]) * outputShape[axis];
        var before = shapes.Take(i).Sum(s => s[axis]) * (inner / Math.Max(1, shape[axis]));
        var part = new int[outer * inner];
        for (var o = 0; o < outer; o++)
        {
            for (var k = 0; k < inner; k++)
            {
                part[(o * inner) + k] = (o * row) + before + k;
            }
        }

        return part;
    }
}
