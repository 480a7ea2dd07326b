using System.Collections.Concurrent;
using Grader.Worker.Grading;
using Grader.Worker.Settings;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Tests.Grading;

/// <summary>
/// The grading queue gathers submissions into Hangfire jobs: for <c>QueueLinger</c> normally, for
/// <c>QueueLingerUnderLoad</c> after a job of <see cref="GradingQueue.LoadedBatch"/> or more. The
/// clock is a fake one and the jobs are caught by a fake client, so nothing depends on the machine.
/// </summary>
public class GradingQueueTests
{
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan UnderLoad = TimeSpan.FromMilliseconds(80);

    [Fact]
    public async Task After_a_large_job_the_queue_gathers_longer_and_after_a_small_one_it_goes_back()
    {
        var (time, jobs) = (new WaitCountingClock(), new CaughtJobs());
        using var queue = await StartAsync(time, jobs);

        queue.Enqueue(Enumerable.Range(1, GradingQueue.LoadedBatch).Select(i => (long)i));
        Assert.Equal(GradingQueue.LoadedBatch, (await NextJobAsync(jobs, time, Linger)).Length);

        queue.Enqueue([100]);
        Assert.Equal(new long[] { 100, 101 }, await NextJobAsync(jobs, time, UnderLoad, () => queue.Enqueue([101])));

        queue.Enqueue([200]);
        Assert.Equal(new long[] { 200 }, await NextJobAsync(jobs, time, Linger));
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Submissions_queued_close_together_share_one_job_of_at_most_the_batch_limit()
    {
        var (time, jobs) = (new WaitCountingClock(), new CaughtJobs());
        using var queue = await StartAsync(time, jobs);

        queue.Enqueue(Enumerable.Range(1, GradingQueue.MaxBatch + 3).Select(i => (long)i));
        Assert.Equal(GradingQueue.MaxBatch, (await NextJobAsync(jobs, time, Linger)).Length);
        Assert.Equal(new long[] { GradingQueue.MaxBatch + 1, GradingQueue.MaxBatch + 2, GradingQueue.MaxBatch + 3 }, await NextJobAsync(jobs, time, UnderLoad));
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Intakes_jobs_go_to_the_nodes_own_queue_and_what_is_left_at_stop_to_the_shared_one()
    {
        var (time, jobs) = (new WaitCountingClock(), new CaughtJobs());
        var node = new NodeQueue("node-0123456789ab");
        using var queue = await StartAsync(time, jobs, node);

        queue.Enqueue([1]);
        Assert.Equal(new long[] { 1 }, await NextJobAsync(jobs, time, Linger));
        Assert.Equal(node.Name, jobs.Queues.Last());

        queue.Schedule([2]); // a regrade, the start-up scan, the orphan sweep
        Assert.Equal("default", jobs.Queues.Last());

        queue.Enqueue([3]);
        await time.WaitStartedAsync(); // lingering for more
        await queue.StopAsync(CancellationToken.None);
        Assert.True(jobs.Ids.TryDequeue(out _));
        Assert.True(jobs.Ids.TryDequeue(out var last));
        Assert.Equal(new long[] { 3 }, last);
        Assert.Equal("default", jobs.Queues.Last()); // the other nodes take it at once, not after the sweep moves it
    }

    [Theory]
    [InlineData("sqlite", 20)]
    [InlineData("postgres", 80)]
    public void Unset_the_wait_under_load_is_longer_only_where_each_job_costs_round_trips_to_the_database(string provider, int milliseconds)
    {
        var options = new GraderOptions { Database = new DatabaseOptions { Provider = provider, ConnectionString = provider == "postgres" ? "Host=127.0.0.1" : null } };
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), options.LingerUnderLoad);
        Assert.Equal(TimeSpan.FromMilliseconds(5), new GraderOptions { Database = options.Database, QueueLingerUnderLoad = TimeSpan.FromMilliseconds(5) }.LingerUnderLoad);
    }

    private static async Task<GradingQueue> StartAsync(WaitCountingClock time, CaughtJobs jobs, NodeQueue? node = null)
    {
        var queue = new GradingQueue(jobs, Options.Create(new GraderOptions { QueueLinger = Linger, QueueLingerUnderLoad = UnderLoad }), NullLogger<GradingQueue>.Instance, time, node);
        await queue.StartAsync(CancellationToken.None);
        return queue;
    }

    /// <summary>
    /// Moves the clock a millisecond at a time and returns the next job's ids, checking that it
    /// came once <paramref name="wait"/> had passed and not before (<paramref name="meanwhile"/>
    /// runs halfway: what it queues joins the job).
    /// </summary>
    private static async Task<long[]> NextJobAsync(CaughtJobs jobs, WaitCountingClock time, TimeSpan wait, Action? meanwhile = null)
    {
        await time.WaitStartedAsync(); // the loop found the submissions
        var waited = TimeSpan.Zero;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (jobs.Ids.TryDequeue(out var ids))
            {
                Assert.InRange(waited, wait, wait + TimeSpan.FromMilliseconds(15));
                return ids;
            }

            if (waited == wait / 2)
            {
                meanwhile?.Invoke();
            }

            time.Advance(TimeSpan.FromMilliseconds(1));
            waited += TimeSpan.FromMilliseconds(1);
            await Task.Delay(waited >= wait ? 20 : 2);
        }

        throw new TimeoutException("no grading job was queued");
    }

    private sealed class CaughtJobs : IBackgroundJobClient
    {
        public ConcurrentQueue<long[]> Ids { get; } = new();

        public ConcurrentQueue<string> Queues { get; } = new();

        public string Create(Job job, IState state)
        {
            Queues.Enqueue(((EnqueuedState)state).Queue);
            Ids.Enqueue((long[])job.Args[0]);
            return Ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => false;
    }
}
