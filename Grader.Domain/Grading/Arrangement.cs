using Grader.Domain.Assignments;
using Grader.Reference;

namespace Grader.Domain.Grading;

/// <summary>
/// Recognises an answer that holds the key's numbers with its axes in another order (a
/// transpose, channels last, a kernel in another layout), whether or not the shapes differ.
/// </summary>
public static class Arrangement
{
    /// <summary>The arrangement mistake, or null when the answer is not the key with permuted axes.</summary>
    public static Mistake? Of(Tensor given, Tensor key, Tolerance tolerance)
    {
        if (given.Rank != key.Rank || key.Rank < 2 || key.Rank > 4 || given.Count != key.Count)
        {
            return null;
        }

        // Named arrangements first: with axes of size 1 several permutations can fit the same numbers.
        foreach (var axes in Permutations(key.Rank).Skip(1).OrderBy(p => Name(key, key, p).Id == "permuted-axes" ? 1 : 0))
        {
            // The answer's axis i is the key's axis axes[i].
            if (!given.Shape.SequenceEqual(axes.Select(a => key.Shape[a])))
            {
                continue;
            }

            var permutedKey = Permute(key, axes);

            // A key that reads the same with its axes permuted (a symmetric matrix) has no wrong arrangement.
            if (permutedKey.SameShape(key) && Comparison.Matches(permutedKey, key, tolerance))
            {
                continue;
            }

            if (Comparison.Matches(given, permutedKey, tolerance))
            {
                return Name(given, key, axes);
            }
        }

        return null;
    }

    /// <summary>The tensor with its axes reordered: the result's axis i is the input's axis axes[i].</summary>
    public static Tensor Permute(Tensor t, int[] axes)
    {
        var shape = axes.Select(a => t.Shape[a]).ToArray();
        var result = Tensor.Zeros(shape);
        var source = new int[t.Rank];
        for (var i = 0; i < result.Count; i++)
        {
            var index = result.IndexOf(i);
            for (var k = 0; k < axes.Length; k++)
            {
                source[axes[k]] = index[k];
            }

            result.Data[i] = t.Data[t.Offset(source)];
        }

        return result;
    }

    private static Mistake Name(Tensor given, Tensor key, int[] axes)
    {
        var shapes = $"shape {given.ShapeText} where {key.ShapeText} is expected";
        return axes switch
        {
            [1, 0] => new Mistake("transposed",
                "your answer is the transpose of the key" + (given.SameShape(key) ? "" : $": {shapes}")
                + " (a gradient has the shape of the variable it is taken with respect to, dL/dW[i, j] = ∂L/∂W_ij)"),
            [1, 2, 0] => new Mistake("channels-last",
                $"your answer has its channels last, (H, W, C) instead of (C, H, W): {shapes}"),
            [2, 3, 1, 0] => new Mistake("kernel-layout",
                $"your answer is laid out (kH, kW, C, F) instead of (F, C, kH, kW): {shapes}"),
            _ when axes.Length >= 2 && axes[..^2].SequenceEqual(Enumerable.Range(0, axes.Length - 2)) && axes[^2] == axes.Length - 1 => new Mistake("transposed",
                $"each matrix of your answer is transposed: {shapes}"),
            _ => new Mistake("permuted-axes",
                $"your answer has the key's numbers with its axes in the order ({string.Join(", ", axes)}) of the key's: {shapes}"),
        };
    }

    private static IEnumerable<int[]> Permutations(int n)
    {
        if (n == 0)
        {
            yield return [];
            yield break;
        }

        // Lexicographic order, so the identity comes first.
        var a = Enumerable.Range(0, n).ToArray();
        while (true)
        {
            yield return (int[])a.Clone();
            var i = n - 2;
            while (i >= 0 && a[i] >= a[i + 1])
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            var j = n - 1;
            while (a[j] <= a[i])
            {
                j--;
            }

            (a[i], a[j]) = (a[j], a[i]);
            Array.Reverse(a, i + 1, n - i - 1);
        }
    }
}
