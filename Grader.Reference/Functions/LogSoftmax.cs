namespace Grader.Reference.Functions;

/// <summary>
/// log(softmax(x)) along the last axis, computed stably as x − max − log Σ exp(x − max).
/// Softmax is its exponential.
/// </summary>
public sealed class LogSoftmax : Function
{
    private Tensor output = null!;

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        var x = inputs[0];
        var n = x.Rank == 0 ? 1 : x.Shape[^1];
        var y = new double[x.Count];
        for (var row = 0; row < x.Count; row += n)
        {
            var span = x.Data.AsSpan(row, n);
            var max = double.NegativeInfinity;
            foreach (var v in span)
            {
                max = Math.Max(max, v);
            }

            var sum = 0.0;
            foreach (var v in span)
            {
                sum += Math.Exp(v - max);
            }

            var logSum = max + Math.Log(sum);
            for (var i = 0; i < n; i++)
            {
                y[row + i] = span[i] - logSum;
            }
        }

        output = new Tensor(x.Shape, y);
        return output;
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        var n = output.Rank == 0 ? 1 : output.Shape[^1];
        var g = new double[output.Count];
        for (var row = 0; row < g.Length; row += n)
        {
            var gSum = 0.0;
            for (var i = 0; i < n; i++)
            {
                gSum += gradOutput.Data[row + i];
            }

            for (var i = 0; i < n; i++)
            {
                g[row + i] = gradOutput.Data[row + i] - (Math.Exp(output.Data[row + i]) * gSum);
            }
        }

        return [new Tensor(output.Shape, g)];
    }

    /// <inheritdoc />
    /// <remarks>g − softmax(x)·Σg along the last axis, the sums taken and spread back by products with ones.</remarks>
    protected internal override Node?[] Backward(Node gradOutput)
    {
        var n = output.Rank == 0 ? 1 : output.Shape[^1];
        var rows = n == 0 ? 0 : output.Count / n;
        var sums = new MatMul().Apply(Ops.Reshape(gradOutput, [rows, n]), Node.Constant(Tensor.Full([n, 1], 1)));
        var spread = Ops.Reshape(new MatMul().Apply(sums, Node.Constant(Tensor.Full([1, n], 1))), output.Shape);
        return [Ops.Sub(gradOutput, Ops.Mul(Ops.Exp(Output), spread))];
    }
}
