namespace Grader.Worker.Access;

/// <summary>
/// Who hands a file in, as far as the class list is concerned: a trusted channel (the server's
/// inbox, or a request with the TA token), or a request that presented a student token (resolved
/// to <see cref="Student"/>, or not) or none.
/// </summary>
public sealed record Submitter(bool Trusted, bool PresentedToken, StudentIdentity? Student)
{
    /// <summary>The inbox or a TA: the file's student is taken as written (it must be on the class list, if there is one).</summary>
    public static Submitter TrustedChannel { get; } = new(true, false, null);

    /// <summary>A signed-in student.</summary>
    public static Submitter For(StudentIdentity student) => new(false, true, student);

    /// <summary>A request with a token (or none), resolved or not.</summary>
    public static Submitter Presenting(string? token, StudentIdentity? student) => new(false, !string.IsNullOrWhiteSpace(token), student);
}
