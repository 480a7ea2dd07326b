namespace Grader.Worker.Tests.Service;

/// <summary>
/// The course rules' clock, moved by hand: it runs at the real rate from where it was last set.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan offset;

    public DateTimeOffset Now
    {
        get => GetUtcNow();
        set => offset = value - DateTimeOffset.UtcNow;
    }

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + offset;
}
