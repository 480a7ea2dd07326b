namespace Grader.Domain.Students;

/// <summary>A question as a student sees it: id, text and points, never the answer.</summary>
public sealed record HandoutQuestion(string Id, string? Text, double Points);
