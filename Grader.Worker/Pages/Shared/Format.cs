using System.Globalization;
using Grader.Domain.Output;

namespace Grader.Worker.Pages.Shared;

/// <summary>How the pages write numbers, shares and times.</summary>
public static class Format
{
    /// <summary>A number for people.</summary>
    public static string N(double? v) => v is { } x ? TensorText.Number(Math.Round(x, 4)) : "—";

    /// <summary>
    /// A number rounded to <paramref name="digits"/> significant figures, then written as
    /// <see cref="TensorText.Number"/> writes it (<paramref name="scale"/>: the largest magnitude beside it).
    /// </summary>
    public static string Significant(double v, int digits, double scale = 1) =>
        double.IsFinite(v)
            ? TensorText.Number(double.Parse(v.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), scale)
            : TensorText.Number(v);

    /// <summary>A percentage.</summary>
    public static string P(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A UTC time.</summary>
    public static string T(DateTime? t) => t is { } x ? x.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "—";

    /// <summary>A status as the pages name it (and the CSS class suffix).</summary>
    public static string S(Enum status) => status.ToString().ToLowerInvariant();

    /// <summary>A path segment.</summary>
    public static string U(string text) => Uri.EscapeDataString(text);
}
