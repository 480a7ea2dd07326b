namespace Grader.Worker.Grading;

/// <summary>The body of <c>POST /api/assignments/{id}/answer-groups</c>: the question, the group's key (from the list), the score, a comment for the students, and who.</summary>
public sealed record AnswerGroupRequest(string? Question, string? Key, double? Score, string? Comment, string? By);
