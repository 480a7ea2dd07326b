namespace Grader.Domain.Policy;

/// <summary>One submission of a student: when it was received and, once graded, its raw score.</summary>
public sealed record Attempt(long SubmissionId, DateTimeOffset ReceivedAt, double? Score, double? MaxScore);
