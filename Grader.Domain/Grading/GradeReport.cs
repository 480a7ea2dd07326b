namespace Grader.Domain.Grading;

/// <summary>The grade of one answer file: total, per-question results and warnings.</summary>
public sealed record GradeReport(
    string Assignment,
    string? Student,
    double Score,
    double MaxScore,
    IReadOnlyList<QuestionResult> Questions,
    IReadOnlyList<string> Warnings);
