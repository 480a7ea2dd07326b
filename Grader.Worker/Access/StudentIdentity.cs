namespace Grader.Worker.Access;

/// <summary>A student on the class list: their id (as imported), name, e-mail and sign-in token.</summary>
public sealed record StudentIdentity(string StudentId, string? Name, string? Email, string Token)
{
    /// <summary>The personal sign-in link, as a path: <c>/s/TOKEN</c>.</summary>
    public string Link => $"/s/{Token}";
}
