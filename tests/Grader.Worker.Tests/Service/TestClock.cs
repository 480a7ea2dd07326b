namespace Grader.Worker.Tests.Service;

/// <summary>
/// The course rules' clock, moved by hand: it runs at the real rate from where it was last set,
/// or, once <see cref="Stopped"/>, stands where it was set (so a test one second before an edge
/// stays one second before it however slow the machine is).
/// </summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan offset;
    private DateTimeOffset? stoppedAt;

    public DateTimeOffset Now
    {
        get => GetUtcNow();
        set
        {
            offset = value - DateTimeOffset.UtcNow;
            stoppedAt = stoppedAt is null ? null : value;
        }
    }

    /// <summary>True while the clock stands still.</summary>
    public bool Stopped
    {
        get => stoppedAt is not null;
        set => stoppedAt = value ? GetUtcNow() : null;
    }

    /// <summary>A time cut to whole seconds, as the assignment files write dates.</summary>
    public static DateTimeOffset WholeSeconds(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => stoppedAt ?? DateTimeOffset.UtcNow + offset;
}
