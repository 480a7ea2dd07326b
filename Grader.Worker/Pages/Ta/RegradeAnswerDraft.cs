namespace Grader.Worker.Pages.Ta;

/// <summary>
/// What a TA typed into a regrade request's answer form that was refused, shown again in that
/// request's form with the reason, so nothing typed is lost.
/// </summary>
/// <param name="RequestId">The request answered.</param>
/// <param name="Error">Why the answer was not taken.</param>
/// <param name="Reply">The reply as typed.</param>
/// <param name="Score">The score as typed.</param>
/// <param name="By">The name as typed.</param>
public sealed record RegradeAnswerDraft(long RequestId, string Error, string? Reply, string? Score, string? By);
