namespace Grader.Worker.Telemetry;

/// <summary>
/// The cluster's grading queue as the database sees it: <paramref name="Depth"/> submissions
/// accepted and not yet graded (regrades included), the receipt time of the oldest first-time
/// submission among them (null when there is none), and when this was read.
/// </summary>
public sealed record QueueState(long Depth, DateTime? OldestAcceptedAt, DateTime ReadAt)
{
    /// <summary>How long the oldest accepted submission has waited at <paramref name="now"/> (zero when none waits).</summary>
    public TimeSpan OldestAge(DateTime now) => OldestAcceptedAt is { } at && now > at ? now - at : TimeSpan.Zero;
}
