namespace Grader.Worker.Reports;

/// <summary>An assignment on the home page: its submissions, students counted, mean counted score, last activity and due date.</summary>
public sealed record AssignmentSummary(string Id, string Title, int Submissions, int Students, double? MeanScore, double? MaxScore, DateTime? LastActivity, DateTimeOffset? Due = null);
