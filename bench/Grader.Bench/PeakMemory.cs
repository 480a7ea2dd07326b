using System.Diagnostics;

namespace Grader.Bench;

/// <summary>Samples this process's working set every 50 ms and keeps the peak.</summary>
public sealed class PeakMemory
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampler;
    private long peak;

    /// <summary>Starts sampling.</summary>
    public PeakMemory() => sampler = Task.Run(async () =>
    {
        using var self = Process.GetCurrentProcess();
        while (!stop.IsCancellationRequested)
        {
            self.Refresh();
            peak = Math.Max(peak, self.WorkingSet64);
            await Task.Delay(50).ConfigureAwait(false);
        }
    });

    /// <summary>
    /// Collects and compacts the heap and hands free memory back to the system, so the next phase's
    /// peak is its own and not what an earlier phase or run left behind in this process.
    /// </summary>
    public static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    /// <summary>Stops and returns the peak in bytes.</summary>
    public long Stop()
    {
        stop.Cancel();
        sampler.Wait();
        return peak;
    }
}
