using Grader.Worker.Reports;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grader.Worker.Tests.Reports;

/// <summary>
/// The cache behind the assignment page's statistics and answer groups: a value is computed again
/// whenever the stamp moves, however fast the computation finishes.
/// </summary>
public class PerAssignmentCacheTests
{
    /// <summary>
    /// A computation that finished before the cache had recorded it as running was left recorded
    /// for ever, and every later stamp was served its value: the page kept showing answer groups
    /// without the scores set since (seen with four students on a busy machine, until a restart).
    /// Now a computation is recorded before it starts and unrecorded before its value is handed on:
    /// many quick ones at once, each stamp served its own value.
    /// </summary>
    [Fact]
    public async Task Every_new_stamp_is_served_its_own_value_even_when_computing_is_instant()
    {
        // Many assignments at once keep the cores busy, so that a computation often finishes before
        // the thread that started it has recorded it.
        var cache = new PerAssignmentCache<string>("test", NullLogger.Instance);
        await Task.WhenAll(Enumerable.Range(0, 16).Select(a => Task.Run(async () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                var stamp = $"s{i}";
                var (value, pending) = await cache.GetAsync($"a{a}", stamp, students: 4, (_, _) => Task.FromResult((stamp, $"v{i}")), CancellationToken.None);
                Assert.False(pending);
                Assert.Equal($"v{i}", value);
            }
        })));
    }

    /// <summary>
    /// A request whose stamp is newer than the computation already running (which read the figures
    /// before the change) waits for it, then for one of its own: a TA's page after their own group
    /// score shows it.
    /// </summary>
    [Fact]
    public async Task A_request_behind_a_running_computation_gets_the_newer_value()
    {
        var cache = new PerAssignmentCache<string>("test", NullLogger.Instance);
        var gate = new TaskCompletionSource();
        async Task<(string, string)> Old(string id, CancellationToken ct)
        {
            await gate.Task;
            return ("s1", "v1");
        }

        var first = cache.GetAsync("a", "s1", 4, Old, CancellationToken.None);
        var second = cache.GetAsync("a", "s2", 4, (_, _) => Task.FromResult(("s2", "v2")), CancellationToken.None);
        gate.SetResult();
        Assert.Equal("v1", (await first).Value);
        Assert.Equal("v2", (await second).Value);
    }

    [Fact]
    public async Task An_unchanged_stamp_is_served_from_the_cache()
    {
        var cache = new PerAssignmentCache<string>("test", NullLogger.Instance);
        var computed = 0;
        Task<(string, string)> Compute(string id, CancellationToken ct)
        {
            Interlocked.Increment(ref computed);
            return Task.FromResult(("s1", "v1"));
        }

        Assert.Equal("v1", (await cache.GetAsync("a", "s1", 4, Compute, CancellationToken.None)).Value);
        Assert.Equal("v1", (await cache.GetAsync("a", "s1", 4, Compute, CancellationToken.None)).Value);
        Assert.Equal(1, computed);
    }
}
