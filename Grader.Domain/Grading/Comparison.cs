using Grader.Domain.Assignments;
using Grader.Reference;

namespace Grader.Domain.Grading;

/// <summary>
/// A given tensor compared with the key: shape first (a one-element tensor equals a scalar),
/// then each element under the tolerance; also whether the answer is the key's negative, so
/// feedback can name that mistake (arrangements are <see cref="Arrangement"/>'s).
/// </summary>
public sealed record Comparison(bool ShapeMatches, bool[] Right, bool SignFlipped)
{
    /// <summary>The number of right elements.</summary>
    public int RightCount => Right.AsSpan().Count(true);

    /// <summary>True when the shape matches and every element is right.</summary>
    public bool AllRight => ShapeMatches && !Right.AsSpan().Contains(false);

    /// <summary>Compares a given answer with the key.</summary>
    public static Comparison Of(Tensor given, Tensor key, Tolerance tolerance)
    {
        var shapeMatches = given.SameShape(key) || (given.IsScalarLike && key.IsScalarLike);
        if (!shapeMatches)
        {
            return new Comparison(false, new bool[key.Count], false);
        }

        var right = new bool[key.Count];
        var allRight = true;
        for (var i = 0; i < right.Length; i++)
        {
            allRight &= right[i] = tolerance.Accepts(given.Data[i], key.Data[i]);
        }

        return new Comparison(true, right, !allRight && IsNegativeOf(given.Data, key.Data, tolerance));
    }

    /// <summary>True when every element of <paramref name="given"/> is accepted against <paramref name="key"/> (same count).</summary>
    public static bool Matches(Tensor given, Tensor key, Tolerance tolerance)
    {
        if (given.Count != key.Count || !(given.SameShape(key) || (given.IsScalarLike && key.IsScalarLike)))
        {
            return false;
        }

        // Element by element, so that a wrong answer is usually rejected at its first element.
        for (var i = 0; i < given.Data.Length; i++)
        {
            if (!tolerance.Accepts(given.Data[i], key.Data[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The key is not all zeros under the tolerance, and the answer's negative matches it.</summary>
    private static bool IsNegativeOf(double[] given, double[] key, Tolerance tolerance)
    {
        var nonZero = false;
        foreach (var k in key)
        {
            if (!tolerance.Accepts(0, k))
            {
                nonZero = true;
                break;
            }
        }

        if (!nonZero)
        {
            return false;
        }

        for (var i = 0; i < key.Length; i++)
        {
            if (!tolerance.Accepts(-given[i], key[i]))
            {
                return false;
            }
        }

        return true;
    }
}
