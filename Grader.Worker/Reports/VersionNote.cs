namespace Grader.Worker.Reports;

/// <summary>The assignment version a submission's current grade used, and the version in force now (with when it was loaded).</summary>
public sealed record VersionNote(long? GradedVersion, long? CurrentVersion, DateTime? CurrentLoadedAt)
{
    /// <summary>True when the grade was computed against a version that is no longer current.</summary>
    public bool IsOutdated => GradedVersion is not null && CurrentVersion is not null && GradedVersion != CurrentVersion;
}
