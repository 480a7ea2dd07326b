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
    /// Null when <paramref name="extendedDue"/> may be a student's extension: later than the
    /// assignment's own due date, so that it only ever gives the student more time; otherwise why
    /// not, naming both dates (in the assignment's time zone). An assignment without a due date has
    /// nothing to extend: an extension would close submissions for that student alone.
    /// </summary>
    public string? ExtensionProblem(TimeZoneInfo courseZone, DateTimeOffset extendedDue)
    {
        var zone = TimeZone ?? courseZone;
        if (Due?.At(zone) is not { } due)
        {
            return "this assignment has no due date, so there is nothing to extend (an extension would close submissions for this student alone)";
        }

        return extendedDue > due
            ? null
            : $"the extension's due date {Show(TimeZoneInfo.ConvertTime(extendedDue, zone))} is not later than the assignment's due date {Show(TimeZoneInfo.ConvertTime(due, zone))}: "
                + "an extension can only give more time";
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

    private static string Show(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture);
}
