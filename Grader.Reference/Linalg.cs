using MathNet.Numerics.LinearAlgebra;

namespace Grader.Reference;

/// <summary>Matrix products and transposes of row-major tensors, done by MathNet.Numerics.</summary>
internal static class Linalg
{
    /// <summary>(m, n) @ (n, k) → (m, k).</summary>
    public static Tensor Multiply(Tensor a, Tensor b)
    {
        int m = a.Shape[0], n = a.Shape[1], k = b.Shape[1];

        // A row-major (m, n) array is the column-major storage of its (n, m) transpose,
        // so C^T = B^T A^T gives C in row-major order.
        var at = Matrix<double>.Build.Dense(n, m, a.Data);
        var bt = Matrix<double>.Build.Dense(k, n, b.Data);
        return new Tensor([m, k], (bt * at).ToColumnMajorArray());
    }

    /// <summary>The transpose of a row-major (m, n) matrix.</summary>
    public static Tensor Transpose(Tensor x)
    {
        int m = x.Shape[0], n = x.Shape[1];
        var t = Matrix<double>.Build.Dense(n, m, x.Data);
        return new Tensor([n, m], t.ToRowMajorArray());
    }
}
