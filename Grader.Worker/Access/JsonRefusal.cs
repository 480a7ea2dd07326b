namespace Grader.Worker.Access;

/// <summary>
/// Endpoint metadata: the route's refusal is JSON <c>{"error": ...}</c> with these words (401
/// without a credential, 403 with one that does not open it) rather than the sign-in page.
/// </summary>
public sealed record JsonRefusal(string NoCredential, string? WrongCredential = null);
