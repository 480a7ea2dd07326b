using Grader.Domain.Assignments;

namespace Grader.Domain.Grading;

/// <summary>Whether a student may see a question's key now, under its <see cref="ShowKey"/> rule.</summary>
public static class KeyRelease
{
    /// <summary>
    /// True when the key is released: <c>always</c>; <c>after_grading</c> once graded;
    /// <c>after_due</c> once graded and <paramref name="closedAt"/> (when submissions close for
    /// everyone, see <see cref="Policy.CoursePolicy.KeyReleaseAt"/>) has passed, never when the
    /// assignment has no due date; <c>never</c> never.
    /// </summary>
    public static bool IsReleased(ShowKey rule, bool graded, DateTimeOffset? closedAt, DateTimeOffset now) => rule switch
    {
        ShowKey.Always => true,
        ShowKey.AfterGrading => graded,
        ShowKey.AfterDue => graded && closedAt is { } c && now >= c,
        _ => false,
    };
}
