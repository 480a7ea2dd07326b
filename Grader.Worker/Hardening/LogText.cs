using System.Text;

namespace Grader.Worker.Hardening;

/// <summary>
/// User text made safe for logs and messages: quoted, control characters (newlines, ANSI
/// escapes), bidi overrides and zero-width characters escaped as <c>\uXXXX</c>, and cut to a length.
/// </summary>
public static class LogText
{
    /// <summary>The text in double quotes, escaped and cut to <paramref name="max"/> characters.</summary>
    public static string Quote(string? text, int max = 80) => text is null ? "(none)" : '"' + Escape(text, max).Replace("\"", "\\\"", StringComparison.Ordinal) + '"';

    /// <summary>The text escaped and cut to <paramref name="max"/> characters (the cut is marked with its full length).</summary>
    public static string Escape(string text, int max = 80)
    {
        var sb = new StringBuilder();
        var shown = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (shown >= max)
            {
                sb.Append($"… ({text.Length:#,0} characters)");
                break;
            }

            if (Domain.Grading.StudentId.IsInvisible(rune))
            {
                sb.Append(rune.Value <= 0xFFFF ? $"\\u{rune.Value:X4}" : $"\\U{rune.Value:X8}");
            }
            else
            {
                sb.Append(rune.ToString());
            }

            shown++;
        }

        return sb.ToString();
    }

    /// <summary>A path and query with every query value redacted: <c>/a?token=…&amp;x=…</c>.</summary>
    public static string RedactQuery(string path, QueryString query)
    {
        if (!query.HasValue)
        {
            return Escape(path, 200);
        }

        var keys = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query.Value).Keys;
        return Escape(path, 200) + "?" + string.Join("&", keys.Select(k => Escape(k, 20) + "=…"));
    }
}
