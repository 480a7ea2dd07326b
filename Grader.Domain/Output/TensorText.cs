using System.Globalization;
using Grader.Reference;

namespace Grader.Domain.Output;

/// <summary>
/// Formats tensors for people: each number in the shortest form that reads back as the same
/// double once rounded to 15 significant figures (so 0.1 + 0.2 prints 0.3, not
/// 0.30000000000000004), exponents as <c>1.5e-7</c>; a number that is zero up to rounding (below
/// 10⁻¹² of the tensor's largest magnitude, or of 1) prints as 0. Matrices get aligned columns.
/// </summary>
public static class TensorText
{
    /// <summary>Numbers this far below the scale of their tensor (or below 1) are zero up to rounding.</summary>
    public const double Rounding = 1e-12;

    /// <summary>One number as people read it; <paramref name="scale"/> is the largest magnitude beside it.</summary>
    public static string Number(double v, double scale = 1)
    {
        if (v == 0 || Math.Abs(v) < Rounding * Math.Max(1, Math.Abs(scale)))
        {
            return "0";
        }

        if (!double.IsFinite(v))
        {
            return v.ToString(CultureInfo.InvariantCulture);
        }

        return Written(double.Parse(v.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Two numbers that differ, each as <see cref="Number"/> writes it unless that writes both the
    /// same (a difference below the rounding, or 10⁻¹² against 0): then each with every digit, so
    /// that feedback never reads "expected 0, got 0" for an answer that is not the key.
    /// </summary>
    public static (string First, string Second) Apart(double a, double b, double scaleA = 1, double scaleB = 1)
    {
        var (x, y) = (Number(a, scaleA), Number(b, scaleB));
        return x == y && !a.Equals(b) && double.IsFinite(a) && double.IsFinite(b) ? (Written(a), Written(b)) : (x, y);
    }

    /// <summary>A double in its shortest round-trip form, exponents as <c>1.5e-7</c>.</summary>
    private static string Written(double v)
    {
        var text = v.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        if (e < 0)
        {
            return text;
        }

        var exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        return $"{text[..e]}e{exponent.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The largest magnitude in a tensor, the scale its numbers are rounded against.</summary>
    public static double Scale(Tensor t) => t.Data.Length == 0 ? 1 : t.Data.Max(Math.Abs);

    /// <summary>The tensor as lines of text.</summary>
    public static IReadOnlyList<string> Lines(Tensor t)
    {
        switch (t.Rank)
        {
            case 0:
                return [Number(t.Data[0])];
            case 1:
                return ["[" + string.Join("  ", Cells(t.Data, Scale(t))) + "]"];
            case 2:
                return Matrix(t.Data, t.Shape[0], t.Shape[1], Scale(t));
        }

        var lines = new List<string>();
        var slice = t.Shape[^2] * t.Shape[^1];
        for (var s = 0; s * slice < t.Count; s++)
        {
            var index = t.IndexOf(s * slice)[..^2];
            lines.Add("[" + string.Join(", ", index) + ", :, :] =");
            lines.AddRange(Matrix(t.Data.AsSpan(s * slice, slice).ToArray(), t.Shape[^2], t.Shape[^1], Scale(t)).Select(l => "  " + l));
        }

        return lines;
    }

    /// <summary>The tensor on one line, as nested lists.</summary>
    public static string Inline(Tensor t) => t.Rank == 0 ? Number(t.Data[0]) : Nested(t, 0, 0, Scale(t)).Text;

    private static (string Text, int Next) Nested(Tensor t, int axis, int offset, double scale)
    {
        if (axis == t.Rank)
        {
            return (Number(t.Data[offset], scale), offset + 1);
        }

        var parts = new List<string>();
        for (var i = 0; i < t.Shape[axis]; i++)
        {
            (var text, offset) = Nested(t, axis + 1, offset, scale);
            parts.Add(text);
        }

        return ("[" + string.Join(", ", parts) + "]", offset);
    }

    private static List<string> Matrix(double[] data, int rows, int cols, double scale)
    {
        var cells = Cells(data, scale);
        var widths = Enumerable.Range(0, cols).Select(c => Enumerable.Range(0, rows).Max(r => cells[(r * cols) + c].Length)).ToArray();
        return [.. Enumerable.Range(0, rows).Select(r =>
            "[" + string.Join("  ", Enumerable.Range(0, cols).Select(c => cells[(r * cols) + c].PadLeft(widths[c]))) + "]")];
    }

    private static string[] Cells(double[] data, double scale) => [.. data.Select(v => Number(v, scale))];
}
