namespace Grader.Reference.Functions;

/// <summary>The matrix product (m, n) @ (n, k) → (m, k).</summary>
public sealed class MatMul : Function
{
    private Tensor a = null!;
    private Tensor b = null!;

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        (a, b) = (inputs[0], inputs[1]);
        if (a.Rank != 2 || b.Rank != 2 || a.Shape[1] != b.Shape[0])
        {
            throw new ShapeException($"matrix product needs (m, n) @ (n, k), got {a.ShapeText} @ {b.ShapeText}");
        }

        return Linalg.Multiply(a, b);
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput) =>
        [Linalg.Multiply(gradOutput, b, transposeB: true), Linalg.Multiply(a, gradOutput, transposeA: true)];

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) =>
    [
        Inputs[0].RequiresGrad ? new MatMul().Apply(gradOutput, new Transpose().Apply(Inputs[1])) : null,
        Inputs[1].RequiresGrad ? new MatMul().Apply(new Transpose().Apply(Inputs[0]), gradOutput) : null,
    ];
}
