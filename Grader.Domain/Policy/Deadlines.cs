namespace Grader.Domain.Policy;

/// <summary>
/// One student's dates as instants: when submissions open, are due, and close (the end of the
/// late window, or the due date when there is none). Null where the assignment sets no date.
/// The opening and closing rules live here once, for intake's admission and the pages' wording.
/// </summary>
public sealed record Deadlines(DateTimeOffset? Opens, DateTimeOffset? Due, DateTimeOffset? Closes)
{
    /// <summary>True before the assignment opens (a submission at the opening instant is in time).</summary>
    public bool NotOpenAt(DateTimeOffset t) => Opens is { } opens && t < opens;

    /// <summary>True after submissions close (a submission at the closing instant is in time).</summary>
    public bool ClosedAt(DateTimeOffset t) => Closes is { } closes && t > closes;
}
