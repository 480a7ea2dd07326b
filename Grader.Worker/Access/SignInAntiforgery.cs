using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace Grader.Worker.Access;

/// <summary>
/// Binds the pages' antiforgery tokens to the sign-in they were issued to. Sign-in here is the
/// service's own cookies and bearer tokens (<see cref="Credentials"/>, <see cref="StudentSignIn"/>),
/// not <c>HttpContext.User</c>, so the framework has no identity of its own to bind a token to:
/// each request token carries the sign-in of the request that rendered its form (the TA, a
/// student's sign-in token by a SHA-256 digest, or none), and a post whose sign-in differs is
/// refused like a missing token (400). A token from one student's page, an anonymous page or the
/// TA's page does not validate on another sign-in's form. Requests with <c>Authorization: Bearer</c>
/// (the CLI, scripts) carry no antiforgery token and are not affected.
/// </summary>
public sealed class SignInAntiforgery(TaTokenStore tokens) : IAntiforgeryAdditionalDataProvider
{
    /// <inheritdoc />
    public string GetAdditionalData(HttpContext context) => SignInOf(context.Request);

    /// <inheritdoc />
    public bool ValidateAdditionalData(HttpContext context, string additionalData) =>
        string.Equals(additionalData, SignInOf(context.Request), StringComparison.Ordinal);

    /// <summary>
    /// The request's sign-in, as the access rules read it: the TA (the token as bearer, cookie or
    /// <c>?token=</c>) and the student token (bearer first, then the sign-in cookie); empty for none.
    /// </summary>
    public string SignInOf(HttpRequest request)
    {
        var bearer = Credentials.BearerOf(request);
        var ta = tokens.Matches(bearer) || tokens.Matches(request.Cookies[Credentials.Cookie]) || tokens.Matches(request.Query["token"].FirstOrDefault());
        var student = bearer is not null && !tokens.Matches(bearer) ? bearer : request.Cookies[StudentSignIn.Cookie];
        return !ta && string.IsNullOrEmpty(student) ? "" : $"ta={(ta ? 1 : 0)};student={Digest(student)}";
    }

    private static string Digest(string? token) =>
        string.IsNullOrEmpty(token) ? "" : Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())).AsSpan(0, 16));
}
