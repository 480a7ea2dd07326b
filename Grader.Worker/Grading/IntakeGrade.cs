using Grader.Domain.Grading;

namespace Grader.Worker.Grading;

/// <summary>What grading a file at intake gave: its report, or why it could not be graded.</summary>
/// <param name="Report">The report, or null when grading failed.</param>
/// <param name="Failure">Why grading failed (the submission is then stored as failed), or null.</param>
/// <param name="ReportJson">The report as stored (written once, off the writer's transaction), or null.</param>
public sealed record IntakeGrade(GradeReport? Report, string? Failure, string? ReportJson);
