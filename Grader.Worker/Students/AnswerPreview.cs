using System.Text;
using Grader.Domain.Output;
using Grader.Reference;

namespace Grader.Worker.Students;

/// <summary>
/// An answer as it was read, written as TeX for KaTeX (STACK's "your answer was interpreted as"):
/// a number, a vector as a one-row matrix, a matrix row by row.
/// </summary>
public static class AnswerPreview
{
    /// <summary>Answers with more cells than this (or more than two axes) get no preview, only their shape.</summary>
    public const int MaxCells = 400;

    /// <summary>The TeX of a read answer, or null when it is too large or has more than two axes.</summary>
    public static string? Tex(Tensor t)
    {
        if (t.Rank > 2 || t.Count > MaxCells)
        {
            return null;
        }

        if (t.Rank == 0)
        {
            return Number(t.Data[0]);
        }

        var cols = t.Shape[^1];
        var rows = cols == 0 ? 0 : t.Count / cols;
        var sb = new StringBuilder(@"\begin{bmatrix}");
        for (var r = 0; r < rows; r++)
        {
            sb.Append(r == 0 ? " " : @" \\ ");
            sb.AppendJoin(" & ", Enumerable.Range(r * cols, cols).Select(o => Number(t.Data[o])));
        }

        return sb.Append(@" \end{bmatrix}").ToString();
    }

    // 1.5E-05 as 1.5 \times 10^{-5}.
    private static string Number(double v)
    {
        var text = TensorText.Number(v);
        var e = text.IndexOfAny(['e', 'E']);
        return e < 0 ? text : $@"{text[..e]} \times 10^{{{int.Parse(text[(e + 1)..], System.Globalization.CultureInfo.InvariantCulture)}}}";
    }
}
