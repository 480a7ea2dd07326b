namespace Grader.Domain.Policy;

/// <summary>
/// An assignment's course rules: when it opens and is due, the late window and its penalty,
/// attempts and their penalty, which submission counts, and the time zone for dates written
/// without an offset (null: the course's, a service setting).
/// </summary>
public sealed record CoursePolicy(
    PolicyTime? Opens,
    PolicyTime? Due,
    LateWindow? Late,
    AttemptRule Attempts,
    GradebookRule Gradebook,
    TimeZoneInfo? TimeZone)
{
    /// <summary>No dates, unlimited attempts, the best submission counts.</summary>
    public static readonly CoursePolicy None = new(null, null, null, AttemptRule.Unlimited, GradebookRule.Best, null);

    /// <summary>When students may ask for a regrade of a question (<c>regrade_requests</c>; never by default).</summary>
    public RegradeRule Regrades { get; init; } = RegradeRule.Never;

    /// <summary>
    /// A student's dates. An extension replaces the due date; the late window keeps its length
    /// after the new due date.
    /// </summary>
    public Deadlines For(TimeZoneInfo courseZone, DateTimeOffset? extendedDue = null)
    {
        var zone = TimeZone ?? courseZone;
        var opens = Opens?.At(zone);
        var due = Due?.At(zone);
        var until = Late?.Until.At(zone);
        if (extendedDue is { } e)
        {
            until = until is { } u && due is { } d ? e + (u - d) : null;
            due = e;
        }

        return new Deadlines(opens, due, until ?? due);
    }

    /// <summary>
    /// When <c>show_key: after_due</c> releases keys: once submissions have closed for everyone
    /// (the late window's end, or the due date, and every extension's). Null when nothing is due.
    /// </summary>
    public DateTimeOffset? KeyReleaseAt(TimeZoneInfo courseZone, IEnumerable<DateTimeOffset> extensions)
    {
        if (For(courseZone).Closes is not { } closes)
        {
            return null;
        }

        foreach (var e in extensions)
        {
            if (For(courseZone, e).Closes is { } c && c > closes)
            {
                closes = c;
            }
        }

        return closes;
    }
}
