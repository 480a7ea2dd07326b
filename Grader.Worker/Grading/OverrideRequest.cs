using Grader.Domain.Grading;

namespace Grader.Worker.Grading;

/// <summary>The body of <c>POST /api/submissions/{id}/overrides</c>: the question, the TA's score, a comment for the student, and who.</summary>
public sealed record OverrideRequest(string? Question, double? Score, string? Comment, string? By)
{
    /// <summary>The longest <see cref="By"/> the API accepts.</summary>
    public const int MaxBy = 200;

    /// <summary>Why the comment or the name is refused (too long, or a name with invisible or control characters), or null.</summary>
    public static string? Problem(OverrideRequest body)
    {
        if (body.Comment is { Length: > ManualOverrideForm.MaxComment })
        {
            return $"the comment is {body.Comment.Length} characters; the limit is {ManualOverrideForm.MaxComment}";
        }

        var by = body.By?.Trim() ?? "";
        if (by.Length > MaxBy)
        {
            return $"'by' is {by.Length} characters; the limit is {MaxBy}";
        }

        foreach (var rune in by.EnumerateRunes())
        {
            if (StudentId.IsInvisible(rune))
            {
                return $"'by' contains an invisible or control character (U+{rune.Value:X4}); use letters, digits and visible punctuation";
            }
        }

        return null;
    }
}
