namespace Grader.Bench;

/// <summary>What an end-to-end run measured.</summary>
public sealed record EndToEndResult(int Accepted, int Errors, double AcceptedPerSecond, double GradedPerSecond, IReadOnlyList<double> LatenciesMs, long PeakWorkingSetBytes)
{
    /// <summary>A phase that was not run.</summary>
    public static readonly EndToEndResult None = new(0, 0, double.NaN, double.NaN, [], 0);

    /// <summary>Graded/s of every run when the phase ran several times (this result is their median run).</summary>
    public IReadOnlyList<double> RunsGradedPerSecond { get; init; } = [];

    /// <summary>"database is locked" or "busy" errors raised while the run was measured.</summary>
    public int DatabaseLocked { get; init; }

    /// <summary>Bytes the process wrote to storage per submission during the run (NaN where unknown).</summary>
    public double BytesWrittenPerSubmission { get; init; } = double.NaN;

    /// <summary>The process's CPU (service and client) per submission during the run, in milliseconds.</summary>
    public double CpuMsPerSubmission { get; init; } = double.NaN;

    /// <summary>
    /// One result of runs measured in parts (a closed loop run a slice of the files at a time, in turn with another
    /// service's): counts summed, rates over the parts' summed times, per-submission figures weighted by submissions.
    /// </summary>
    public static EndToEndResult Of(IReadOnlyList<EndToEndResult> parts)
    {
        var accepted = parts.Sum(p => p.Accepted);
        double Weighted(Func<EndToEndResult, double> f) => parts.Sum(p => f(p) * p.Accepted) / accepted;
        return new EndToEndResult(
            accepted,
            parts.Sum(p => p.Errors),
            accepted / parts.Sum(p => p.Accepted / p.AcceptedPerSecond),
            accepted / parts.Sum(p => p.Accepted / p.GradedPerSecond),
            [.. parts.SelectMany(p => p.LatenciesMs)],
            parts.Max(p => p.PeakWorkingSetBytes))
        {
            DatabaseLocked = parts.Sum(p => p.DatabaseLocked),
            BytesWrittenPerSubmission = Weighted(p => p.BytesWrittenPerSubmission),
            CpuMsPerSubmission = Weighted(p => p.CpuMsPerSubmission),
        };
    }

    /// <summary>A latency percentile in milliseconds.</summary>
    public double P(double p) => Percentiles.Of(LatenciesMs, p);
}
