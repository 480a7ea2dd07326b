using Grader.Domain.Assignments;
using Grader.Reference;

namespace Grader.Domain.Grading;

/// <summary>
/// A given tensor compared with the key: shape first (a one-element tensor equals a scalar),
/// then each element under the tolerance; also whether the answer is the key's transpose or
/// negative, so feedback can name those mistakes.
/// </summary>
public sealed record Comparison(bool ShapeMatches, bool[] Right, bool Transposed, bool SignFlipped)
{
    /// <summary>The number of right elements.</summary>
    public int RightCount => Right.Count(r => r);

    /// <summary>True when the shape matches and every element is right.</summary>
    public bool AllRight => ShapeMatches && Right.All(r => r);

    /// <summary>Compares a given answer with the key.</summary>
    public static Comparison Of(Tensor given, Tensor key, Tolerance tolerance)
    {
        var shapeMatches = given.SameShape(key) || (given.IsScalarLike && key.IsScalarLike);
        var transposed = key.Rank == 2 && given.Rank == 2 && given.Shape[0] == key.Shape[1] && given.Shape[1] == key.Shape[0]
            && !IsSymmetric(key, tolerance) && Matches(Transpose(given), key, tolerance);
        if (!shapeMatches)
        {
            return new Comparison(false, new bool[key.Count], transposed, false);
        }

        var right = new bool[key.Count];
        for (var i = 0; i < right.Length; i++)
        {
            right[i] = tolerance.Accepts(given.Data[i], key.Data[i]);
        }

        var signFlipped = !right.All(r => r) && key.Data.Any(k => !tolerance.Accepts(0, k))
            && key.Data.Select((k, i) => tolerance.Accepts(-given.Data[i], k)).All(ok => ok);
        return new Comparison(true, right, transposed, signFlipped);
    }

    /// <summary>True when every element of <paramref name="given"/> is accepted against <paramref name="key"/> (same count).</summary>
    public static bool Matches(Tensor given, Tensor key, Tolerance tolerance) =>
        given.Count == key.Count && (given.SameShape(key) || (given.IsScalarLike && key.IsScalarLike))
        && given.Data.Select((g, i) => tolerance.Accepts(g, key.Data[i])).All(ok => ok);

    private static bool IsSymmetric(Tensor key, Tolerance tolerance) =>
        key.Shape[0] == key.Shape[1] && Matches(Transpose(key), key, tolerance);

    private static Tensor Transpose(Tensor m) => Reference.Functions.Transpose.Of(m);
}
