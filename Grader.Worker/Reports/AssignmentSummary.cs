namespace Grader.Worker.Reports;

/// <summary>An assignment on the home page: its submissions, mean score and last activity.</summary>
public sealed record AssignmentSummary(string Id, string Title, int Submissions, int Students, double? MeanScore, double? MaxScore, DateTime? LastActivity);
