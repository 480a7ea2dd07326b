namespace Grader.Worker.Pages.Shared;

/// <summary>How long until a date, as the student's pages say it: <c>2 days 3 h left</c>, <c>4 h 10 min left</c>, <c>5 min left</c>, <c>passed</c>.</summary>
public static class TimeLeft
{
    /// <summary>The text for <paramref name="left"/> (zero or less: passed).</summary>
    public static string Of(TimeSpan left) =>
        left <= TimeSpan.Zero ? "passed"
        : left.TotalDays >= 1 ? $"{(int)left.TotalDays} day{((int)left.TotalDays == 1 ? "" : "s")} {left.Hours} h left"
        : left.TotalHours >= 1 ? $"{(int)left.TotalHours} h {left.Minutes} min left"
        : $"{Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))} min left";
}
