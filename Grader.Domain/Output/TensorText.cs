using System.Globalization;
using Grader.Reference;

namespace Grader.Domain.Output;

/// <summary>Formats tensors for people: numbers to 10 significant figures, matrices with aligned columns.</summary>
public static class TensorText
{
    /// <summary>One number as people read it.</summary>
    public static string Number(double v) => v == 0 ? "0" : v.ToString("G10", CultureInfo.InvariantCulture);

    /// <summary>The tensor as lines of text.</summary>
    public static IReadOnlyList<string> Lines(Tensor t)
    {
        switch (t.Rank)
        {
            case 0:
                return [Number(t.Data[0])];
            case 1:
                return ["[" + string.Join("  ", Cells(t.Data)) + "]"];
            case 2:
                return Matrix(t.Data, t.Shape[0], t.Shape[1]);
        }

        var lines = new List<string>();
        var slice = t.Shape[^2] * t.Shape[^1];
        for (var s = 0; s * slice < t.Count; s++)
        {
            var index = t.IndexOf(s * slice)[..^2];
            lines.Add("[" + string.Join(", ", index) + ", :, :] =");
            lines.AddRange(Matrix(t.Data.AsSpan(s * slice, slice).ToArray(), t.Shape[^2], t.Shape[^1]).Select(l => "  " + l));
        }

        return lines;
    }

    /// <summary>The tensor on one line, as nested lists.</summary>
    public static string Inline(Tensor t) => t.Rank == 0 ? Number(t.Data[0]) : Nested(t, 0, 0).Text;

    private static (string Text, int Next) Nested(Tensor t, int axis, int offset)
    {
        if (axis == t.Rank)
        {
            return (Number(t.Data[offset]), offset + 1);
        }

        var parts = new List<string>();
        for (var i = 0; i < t.Shape[axis]; i++)
        {
            (var text, offset) = Nested(t, axis + 1, offset);
            parts.Add(text);
        }

        return ("[" + string.Join(", ", parts) + "]", offset);
    }

    private static List<string> Matrix(double[] data, int rows, int cols)
    {
        var cells = Cells(data);
        var widths = Enumerable.Range(0, cols).Select(c => Enumerable.Range(0, rows).Max(r => cells[(r * cols) + c].Length)).ToArray();
        return [.. Enumerable.Range(0, rows).Select(r =>
            "[" + string.Join("  ", Enumerable.Range(0, cols).Select(c => cells[(r * cols) + c].PadLeft(widths[c]))) + "]")];
    }

    private static string[] Cells(double[] data) => [.. data.Select(Number)];
}
