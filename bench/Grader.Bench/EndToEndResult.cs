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

    /// <summary>A latency percentile in milliseconds.</summary>
    public double P(double p) => Percentiles.Of(LatenciesMs, p);
}
