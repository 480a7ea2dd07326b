using System.Globalization;
using System.Text;

namespace Grader.Domain.Grading;

/// <summary>
/// What a student id may hold: visible characters only, at most <see cref="Limits.MaxStudentIdLength"/>.
/// Control characters (newlines, ANSI escapes), bidi overrides and isolates, zero-width characters
/// and other invisible code points are refused: they forge log lines, or make an id look like
/// someone else's.
/// </summary>
public static class StudentId
{
    /// <summary>Why an id is refused, or null when it is fine.</summary>
    public static string? Problem(string id)
    {
        if (id.Length > Limits.MaxStudentIdLength)
        {
            return $"student id longer than {Limits.MaxStudentIdLength} characters";
        }

        foreach (var rune in id.EnumerateRunes())
        {
            if (IsInvisible(rune))
            {
                return $"the student id contains an invisible or control character (U+{rune.Value:X4}); use letters, digits and visible punctuation";
            }
        }

        return null;
    }

    /// <summary>
    /// True for characters that are not shown as themselves: controls (C0, C1, DEL, newlines),
    /// format characters (bidi overrides and isolates, zero-width spaces and joiners, BOM), line
    /// and paragraph separators, private-use, unassigned and lone surrogate code points.
    /// </summary>
    public static bool IsInvisible(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.Surrogate;
}
