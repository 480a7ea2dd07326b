namespace Grader.Worker.Service;

/// <summary>The body of <c>POST /api/submissions/{id}/overrides</c>: the question, the TA's score, a comment for the student, and who.</summary>
public sealed record OverrideRequest(string? Question, double? Score, string? Comment, string? By);
