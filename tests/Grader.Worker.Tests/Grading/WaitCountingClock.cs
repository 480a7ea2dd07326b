using Microsoft.Extensions.Time.Testing;

namespace Grader.Worker.Tests.Grading;

/// <summary>
/// A fake clock that counts the waits started on it, so a test moves time only once the loop
/// under test is waiting (a wait started after the clock moved would never end).
/// </summary>
public sealed class WaitCountingClock : FakeTimeProvider
{
    /// <summary>Released once for each wait (timer) started on this clock.</summary>
    public SemaphoreSlim Waits { get; } = new(0);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Waits.Release();
        return timer;
    }

    /// <summary>Returns once a wait has started on this clock, or fails the test after 10 seconds.</summary>
    public async Task WaitStartedAsync() =>
        Assert.True(await Waits.WaitAsync(TimeSpan.FromSeconds(10)), "the loop did not start waiting");
}
