namespace Grader.Worker.Grading;

/// <summary>The body of <c>POST /api/submissions/{id}/regrade-requests</c>: which question, and why.</summary>
public sealed record RegradeAsk(string? Question, string? Comment);
