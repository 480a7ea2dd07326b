namespace Grader.Worker.Operations;

/// <summary>The readiness check <c>queue</c>'s bounds, section <c>Grader:Health</c>.</summary>
public sealed class HealthLimits
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Grader:Health";

    /// <summary>The most submissions accepted and not yet graded (cluster-wide) while the node is ready.</summary>
    public long MaxQueueDepth { get; set; } = 10_000;

    /// <summary>The longest an accepted submission may wait for its first grade while the node is ready.</summary>
    public TimeSpan MaxOldestAccepted { get; set; } = TimeSpan.FromMinutes(5);
}
