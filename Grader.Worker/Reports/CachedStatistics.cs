using Grader.Domain.Reports;

namespace Grader.Worker.Reports;

/// <summary>An assignment's statistics as <see cref="StatisticsCache"/> serves them.</summary>
/// <param name="Statistics">The statistics (empty when none were computed yet).</param>
/// <param name="Pending">True when they are not those of the current standings: a large class's are being recomputed in the background.</param>
/// <param name="Computed">False when none were computed yet (<paramref name="Statistics"/> is empty).</param>
public sealed record CachedStatistics(ClassStatistics Statistics, bool Pending = false, bool Computed = true);
