using System.Threading.Channels;
using Grader.Worker.Grading;

namespace Grader.Worker.Tests.Grading;

/// <summary>
/// The batching loop behind the grading queue: once it finds an item it lingers for others to
/// join, and it stops without lingering. The clock is a fake one, so the tests move time by hand
/// and nothing depends on the machine's speed.
/// </summary>
public class BatchingServiceTests
{
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_item_waits_the_linger_before_its_batch_is_handled()
    {
        var time = new WaitCountingClock();
        using var batcher = await StartAsync(time);
        batcher.Add(1);
        batcher.Add(2);

        await Task.Delay(200);
        Assert.False(batcher.Batches.Reader.TryPeek(out _)); // the clock has not moved: still lingering

        Assert.Equal(new[] { 1, 2 }, await AdvanceUntilBatchAsync(batcher, time));
        await batcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_item_that_came_while_a_batch_was_handled_waits_a_full_linger_for_others_to_join_it()
    {
        var time = new WaitCountingClock();
        using var batcher = await StartAsync(time);
        var slow = new TaskCompletionSource();
        batcher.Hold = slow.Task;
        batcher.Add(1);
        Assert.Equal(new[] { 1 }, await AdvanceUntilBatchAsync(batcher, time)); // handed over; the batch is still being handled

        batcher.Add(2); // arrives while the first batch is handled, and waits longer than the linger behind it
        time.Advance(Linger * 2);
        batcher.Hold = Task.CompletedTask;
        slow.SetResult();
        await Task.Delay(200);
        Assert.False(batcher.Batches.Reader.TryPeek(out _)); // under load a batch gathers for a whole linger

        batcher.Add(3);
        Assert.Equal(new[] { 2, 3 }, await AdvanceUntilBatchAsync(batcher, time));
        await batcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Items_added_before_stop_are_all_handled()
    {
        var time = new WaitCountingClock();
        using var batcher = await StartAsync(time);
        batcher.Add(0);
        Assert.Equal(new[] { 0 }, await AdvanceUntilBatchAsync(batcher, time)); // the loop runs
        foreach (var i in Enumerable.Range(1, 5))
        {
            batcher.Add(i);
        }

        await batcher.StopAsync(CancellationToken.None); // a stopping loop lingers no more (the clock never moves here)
        batcher.Batches.Writer.Complete();
        var handled = new List<int>();
        await foreach (var batch in batcher.Batches.Reader.ReadAllAsync())
        {
            handled.AddRange(batch);
        }

        Assert.Equal([1, 2, 3, 4, 5], handled);
    }

    [Fact]
    public async Task A_parked_loop_takes_no_batch_until_the_active_loops_include_it_again()
    {
        var time = new WaitCountingClock();
        using var batcher = new Batcher(time) { LoopCount = 2, Active = 1 };
        await batcher.StartAsync(CancellationToken.None);
        var slow = new TaskCompletionSource();
        batcher.Hold = slow.Task;
        batcher.Add(1);
        Assert.Equal(new[] { 1 }, await PumpAsync(batcher, time, TimeSpan.FromSeconds(10))); // taken, and held by the first loop

        batcher.Add(2);
        Assert.Null(await PumpAsync(batcher, time, TimeSpan.FromMilliseconds(500))); // the second loop is parked: 2 waits for the first

        batcher.Active = 2;
        Assert.Equal(new[] { 2 }, await PumpAsync(batcher, time, TimeSpan.FromSeconds(10))); // while the first batch is still held

        slow.SetResult();
        await batcher.StopAsync(CancellationToken.None);
    }

    /// <summary>Moves the clock on by the linger every few milliseconds until a batch is handed over (or <paramref name="patience"/> has passed: null).</summary>
    private static async Task<int[]?> PumpAsync(Batcher batcher, WaitCountingClock time, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            time.Advance(Linger);
            await Task.Delay(10);
            if (batcher.Batches.Reader.TryRead(out var batch))
            {
                return batch;
            }
        }

        return null;
    }

    private static async Task<Batcher> StartAsync(WaitCountingClock time)
    {
        var batcher = new Batcher(time);
        await batcher.StartAsync(CancellationToken.None);
        return batcher;
    }

    /// <summary>Once the loop is waiting, moves the clock by the linger and returns the batch it hands over.</summary>
    private static async Task<int[]> AdvanceUntilBatchAsync(Batcher batcher, WaitCountingClock time)
    {
        await time.WaitStartedAsync();
        time.Advance(Linger);
        using var patience = new CancellationTokenSource(Patience);
        return await batcher.Batches.Reader.ReadAsync(patience.Token);
    }

    private sealed class Batcher(WaitCountingClock time) : BatchingService<int>(maxBatch: 100)
    {
        public Channel<int[]> Batches { get; } = Channel.CreateUnbounded<int[]>();

        public Task Hold { get; set; } = Task.CompletedTask;

        public int LoopCount { get; init; } = 1;

        public int Active { get; set; } = 1;

        protected override TimeSpan Linger => BatchingServiceTests.Linger;

        protected override int Loops => LoopCount;

        protected override int ActiveLoops => Active;

        protected override TimeSpan ParkedRecheck => BatchingServiceTests.Linger;

        protected override TimeProvider Time => time;

        public void Add(int item) => Assert.True(TryAdd(item));

        protected override async Task ProcessAsync(IReadOnlyList<int> batch)
        {
            Batches.Writer.TryWrite([.. batch]);
            await Hold;
        }
    }
}
