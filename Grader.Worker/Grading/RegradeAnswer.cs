namespace Grader.Worker.Grading;

/// <summary>The body of <c>POST /api/regrade-requests/{rid}/answer</c>: the reply for the student, an optional new score (a manual override), and who.</summary>
public sealed record RegradeAnswer(string? Reply, double? Score, string? By);
