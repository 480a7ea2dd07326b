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
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, ResidentBytes());
            await Task.Delay(50).ConfigureAwait(false);
        }
    });

    /// <summary>
    /// This process's working set (resident pages), from <c>/proc/self/statm</c> where there is one:
    /// <see cref="Process.WorkingSet64"/> reads the stat file of every thread as well, which cost the
    /// measured run 2 % of its CPU when sampled every 50 ms (perf).
    /// </summary>
    public static long ResidentBytes()
    {
        try
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (IOException)
        {
            using var self = Process.GetCurrentProcess();
            return self.WorkingSet64;
        }
    }

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
