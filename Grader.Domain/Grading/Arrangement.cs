using Grader.Domain.Assignments;
using Grader.Reference;

namespace Grader.Domain.Grading;

/// <summary>
/// Recognises an answer that holds the key's numbers with its axes in another order (a
/// transpose, channels last, a kernel in another layout), whether or not the shapes differ.
/// </summary>
public static class Arrangement
{
    /// <summary>
    /// Each rank's permutations other than the identity, in lexicographic order with the named
    /// arrangements first: with axes of size 1 several permutations can fit the same numbers.
    /// </summary>
    private static readonly int[][][] Ordered =
        [.. Enumerable.Range(0, 5).Select(rank => rank < 2 ? Array.Empty<int[]>() : Permutations(rank).Skip(1).OrderBy(p => KindOf(p) == Kind.Permuted ? 1 : 0).ToArray())];

    private enum Kind
    {
        Transposed,
        ChannelsLast,
        KernelLayout,
        EachMatrixTransposed,
        Permuted,
    }

    /// <summary>
    /// The arrangement mistake, or null when the answer is not the key with permuted axes.
    /// <paramref name="gradient"/> (the question's answer is a gradient, <see cref="Question.IsGradient"/>)
    /// adds to a transpose why a gradient has the shape of its variable; any other matrix's
    /// transpose is named without it.
    /// </summary>
    public static Mistake? Of(Tensor given, Tensor key, Tolerance tolerance, bool gradient)
    {
        if (given.Rank != key.Rank || key.Rank < 2 || key.Rank > 4 || given.Count != key.Count)
        {
            return null;
        }

        foreach (var axes in Ordered[key.Rank])
        {
            // The answer's axis i is the key's axis axes[i].
            if (!Fits(given.Shape, key.Shape, axes))
            {
                continue;
            }

            // The answer against the key read with its axes permuted (a wrong answer is usually
            // rejected at its first elements); a key that reads the same with its axes permuted
            // (a symmetric matrix) has no wrong arrangement.
            if (MatchesPermuted(given.Data, key, axes, tolerance, againstItself: false)
                && !(given.SameShape(key) && MatchesPermuted(key.Data, key, axes, tolerance, againstItself: true)))
            {
                return Name(given, key, axes, gradient);
            }
        }

        return null;
    }

    private static bool Fits(int[] givenShape, int[] keyShape, int[] axes)
    {
        for (var i = 0; i < axes.Length; i++)
        {
            if (givenShape[i] != keyShape[axes[i]])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <c>Permute(key, axes)</c> matches <paramref name="other"/> element by element, without
    /// building it: against an answer, the answer's element is the given one; against the key
    /// itself, the permuted key's element is.
    /// </summary>
    private static bool MatchesPermuted(double[] other, Tensor key, int[] axes, Tolerance tolerance, bool againstItself)
    {
        var rank = axes.Length;
        Span<int> stride = stackalloc int[rank];
        Span<int> size = stackalloc int[rank];
        Span<int> index = stackalloc int[rank];
        Span<int> keyStride = stackalloc int[rank];
        keyStride[rank - 1] = 1;
        for (var a = rank - 2; a >= 0; a--)
        {
            keyStride[a] = keyStride[a + 1] * key.Shape[a + 1];
        }

        for (var a = 0; a < rank; a++)
        {
            // The permuted tensor's axis a reads the key's axis axes[a].
            stride[a] = keyStride[axes[a]];
            size[a] = key.Shape[axes[a]];
        }

        var source = 0;
        for (var i = 0; i < other.Length; i++)
        {
            var permuted = key.Data[source];
            if (!(againstItself ? tolerance.Accepts(permuted, other[i]) : tolerance.Accepts(other[i], permuted)))
            {
                return false;
            }

            // The next index of the permuted tensor, in row-major order.
            for (var a = rank - 1; a >= 0; a--)
            {
                source += stride[a];
                if (++index[a] < size[a])
                {
                    break;
                }

                source -= stride[a] * size[a];
                index[a] = 0;
            }
        }

        return true;
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

    private static Kind KindOf(int[] axes) => axes switch
    {
        [1, 0] => Kind.Transposed,
        [1, 2, 0] => Kind.ChannelsLast,
        [2, 3, 1, 0] => Kind.KernelLayout,
        _ when axes.Length >= 2 && axes[..^2].SequenceEqual(Enumerable.Range(0, axes.Length - 2)) && axes[^2] == axes.Length - 1 => Kind.EachMatrixTransposed,
        _ => Kind.Permuted,
    };

    private static Mistake Name(Tensor given, Tensor key, int[] axes, bool gradient)
    {
        var shapes = $"shape {given.ShapeText} where {key.ShapeText} is expected";
        return KindOf(axes) switch
        {
            Kind.Transposed => new Mistake("transposed",
                "your answer is the transpose of the key" + (given.SameShape(key) ? "" : $": {shapes}")
                + (gradient ? " (a gradient has the shape of the variable it is taken with respect to, dL/dW[i, j] = ∂L/∂W_ij)" : "")),
            Kind.ChannelsLast => new Mistake("channels-last",
                $"your answer has its channels last, (H, W, C) instead of (C, H, W): {shapes}"),
            Kind.KernelLayout => new Mistake("kernel-layout",
                $"your answer is laid out (kH, kW, C, F) instead of (F, C, kH, kW): {shapes}"),
            Kind.EachMatrixTransposed => new Mistake("transposed",
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
