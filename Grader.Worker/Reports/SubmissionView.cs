using Grader.Data.Entities;
using Grader.Domain.Grading;

namespace Grader.Worker.Reports;

/// <summary>
/// One submission as its reader may see it, for the API (<c>GET /api/submissions/{id}</c>) and the
/// report page alike: the submission, its current report after key redaction (read from its JSON
/// once), the ids of the questions whose key is withheld, every grading, the version note, and for
/// a TA the audit of overrides.
/// </summary>
public sealed record SubmissionView(
    Submission Submission,
    GradeReport? Report,
    IReadOnlySet<string> Withheld,
    IReadOnlyList<GradeHistoryEntry> History,
    VersionNote Version,
    IReadOnlyList<ScoreOverrideRecord>? Audit)
{
    /// <summary>The current grading, or null before the first.</summary>
    public GradeHistoryEntry? Current => History.LastOrDefault(h => h.IsCurrent);

    /// <summary>The report as it was graded, before redaction (null when none): set only for the reader's own checks, never shown to a student.</summary>
    internal GradeReport? Graded { get; init; }
}
