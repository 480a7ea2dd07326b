namespace Grader.Reference.Functions;

/// <summary>
/// Matrix products over a batch: (B…, n, d) @ (B…, d, m) → (B…, n, m), the leading axes equal
/// (<see cref="Ops.MatMul"/> broadcasts them first, as <c>torch.matmul</c>).
/// </summary>
public sealed class BatchedMatMul : Function
{
    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        var (a, b) = (inputs[0], inputs[1]);
        if (a.Rank < 3 || a.Rank != b.Rank || !a.Shape.AsSpan(0, a.Rank - 2).SequenceEqual(b.Shape.AsSpan(0, b.Rank - 2)) || a.Shape[^1] != b.Shape[^2])
        {
            throw new ShapeException($"a batched matrix product needs (B, n, d) @ (B, d, m), got {a.ShapeText} @ {b.ShapeText}");
        }

        int n = a.Shape[^2], d = a.Shape[^1], m = b.Shape[^1];
        var batch = Tensor.Numel(a.Shape[..^2]);
        var y = new double[checked(batch * n * m)];
        for (var s = 0; s < batch; s++)
        {
            int ao = s * n * d, bo = s * d * m, yo = s * n * m;
            for (var i = 0; i < n; i++)
            {
                for (var k = 0; k < d; k++)
                {
                    var aik = a.Data[ao + (i * d) + k];
                    for (var j = 0; j < m; j++)
                    {
                        y[yo + (i * m) + j] += aik * b.Data[bo + (k * m) + j];
                    }
                }
            }
        }

        return new Tensor([.. a.Shape[..^1], m], y);
    }

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) =>
    [
        Inputs[0].RequiresGrad ? new BatchedMatMul().Apply(gradOutput, Ops.Transpose(Inputs[1], -2, -1)) : null,
        Inputs[1].RequiresGrad ? new BatchedMatMul().Apply(Ops.Transpose(Inputs[0], -2, -1), gradOutput) : null,
    ];
}
