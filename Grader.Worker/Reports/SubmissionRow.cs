using Grader.Data.Entities;

namespace Grader.Worker.Reports;

/// <summary>One submission as the TA pages list it, with its current grade's score and assignment version if any (the report itself is loaded apart).</summary>
public sealed record SubmissionRow(long Id, string? Student, SubmissionStatus Status, DateTime ReceivedAt, double? Score, double? MaxScore, DateTime? GradedAt, long? GradedVersion = null);
