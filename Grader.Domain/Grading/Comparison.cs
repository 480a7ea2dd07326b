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
    public int RightCount => Right.Count(r => r);

    /// <summary>True when the shape matches and every element is right.</summary>
    public bool AllRight => ShapeMatches && Right.All(r => r);

    /// <summary>Compares a given answer with the key.</summary>
    public static Comparison Of(Tensor given, Tensor key, Tolerance tolerance)
    {
        var shapeMatches = given.SameShape(key) || (given.IsScalarLike && key.IsScalarLike);
        if (!shapeMatches)
        {
            return new Comparison(false, new bool[key.Count], false);
        }

        var right = new bool[key.Count];
        for (var i = 0; i < right.Length; i++)
        {
            right[i] = tolerance.Accepts(given.Data[i], key.Data[i]);
        }

        var signFlipped = !right.All(r => r) && key.Data.Any(k => !tolerance.Accepts(0, k))
            && key.Data.Select((k, i) => tolerance.Accepts(-given.Data[i], k)).All(ok => ok);
        return new Comparison(true, right, signFlipped);
    }

    /// <summary>True when every element of <paramref name="given"/> is accepted against <paramref name="key"/> (same count).</summary>
    public static bool Matches(Tensor given, Tensor key, Tolerance tolerance) =>
        given.Count == key.Count && (given.SameShape(key) || (given.IsScalarLike && key.IsScalarLike))
        && given.Data.Select((g, i) => tolerance.Accepts(g, key.Data[i])).All(ok => ok);
}
