namespace Grader.Worker.Reports;

/// <summary>One grading of a submission: its generation, score, when, and the assignment version graded against.</summary>
public sealed record GradeHistoryEntry(int Generation, double Score, double MaxScore, DateTime GradedAt, long AssignmentVersionId, bool IsCurrent);
