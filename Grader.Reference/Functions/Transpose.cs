namespace Grader.Reference.Functions;

/// <summary>The transpose of a matrix.</summary>
public sealed class Transpose : Function
{
    /// <summary>Transposes a row-major matrix of shape (m, n).</summary>
    public static Tensor Of(Tensor x)
    {
        if (x.Rank != 2)
        {
            throw new ShapeException($"transpose needs a matrix, got shape {x.ShapeText}");
        }

        return Linalg.Transpose(x);
    }

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs) => Of(inputs[0]);

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput) => [Of(gradOutput)];

    /// <inheritdoc />
    protected internal override Node?[] Backward(Node gradOutput) => [new Transpose().Apply(gradOutput)];
}
