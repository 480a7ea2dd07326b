namespace Grader.Domain.Policy;

/// <summary>
/// One student's dates as instants: when submissions open, are due, and close (the end of the
/// late window, or the due date when there is none). Null where the assignment sets no date.
/// </summary>
public sealed record Deadlines(DateTimeOffset? Opens, DateTimeOffset? Due, DateTimeOffset? Closes);
