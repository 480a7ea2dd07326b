using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using Providers = MathNet.Numerics.Providers.LinearAlgebra;

namespace Grader.Reference;

/// <summary>Matrix products and transposes of row-major tensors, done by MathNet.Numerics.</summary>
internal static class Linalg
{
    /// <summary>
    /// (m, n) @ (n, k) → (m, k), either operand read transposed when asked (Aᵀ @ B, A @ Bᵀ), so a
    /// backward pass multiplies by a transpose without making it.
    /// </summary>
    public static Tensor Multiply(Tensor a, Tensor b, bool transposeA = false, bool transposeB = false)
    {
        var m = transposeA ? a.Shape[1] : a.Shape[0];
        var k = transposeB ? b.Shape[0] : b.Shape[1];

        // A row-major (r, c) array is the column-major storage of its (c, r) transpose, so
        // Cᵀ = op(B)ᵀ op(A)ᵀ, computed on the arrays as they are, gives C in row-major order.
        // MathNet's provider multiplies the arrays in place (no matrix objects made around them).
        var c = new double[m * k];
        LinearAlgebraControl.Provider.MatrixMultiplyWithUpdate(
            transposeB ? Providers.Transpose.Transpose : Providers.Transpose.DontTranspose,
            transposeA ? Providers.Transpose.Transpose : Providers.Transpose.DontTranspose,
            1.0, b.Data, b.Shape[1], b.Shape[0], a.Data, a.Shape[1], a.Shape[0], 0.0, c);
        return new Tensor([m, k], c);
    }

    /// <summary>The transpose of a row-major (m, n) matrix.</summary>
    public static Tensor Transpose(Tensor x)
    {
        int m = x.Shape[0], n = x.Shape[1];
        var t = Matrix<double>.Build.Dense(n, m, x.Data);
        return new Tensor([n, m], t.ToRowMajorArray());
    }
}
