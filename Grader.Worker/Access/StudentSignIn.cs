namespace Grader.Worker.Access;

/// <summary>
/// A request's student token: <c>Authorization: Bearer TOKEN</c>, the sign-in cookie set by the
/// personal link, or a form field <c>token</c>; resolved to a student through <see cref="StudentDirectory"/>.
/// </summary>
public sealed class StudentSignIn(StudentDirectory directory)
{
    /// <summary>The cookie set by <c>/s/TOKEN</c>.</summary>
    public const string Cookie = "grader_student";

    /// <summary>The form field that may carry a token.</summary>
    public const string FormField = "token";

    /// <summary>The token the request presents, if any (bearer first, then the form field, then the cookie).</summary>
    public static string? TokenOf(HttpRequest request, IFormCollection? form = null)
    {
        if (Credentials.BearerOf(request) is { } bearer)
        {
            return bearer;
        }

        if (form?[FormField].FirstOrDefault() is { Length: > 0 } field)
        {
            return field.Trim();
        }

        return request.Cookies[Cookie] is { Length: > 0 } cookie ? cookie : null;
    }

    /// <summary>The signed-in student of a request, or null.</summary>
    public Task<StudentIdentity?> StudentAsync(HttpRequest request, IFormCollection? form = null, CancellationToken ct = default) =>
        directory.FindByTokenAsync(TokenOf(request, form), ct);

    /// <summary>Signs the browser in: the cookie lasts a term; SameSite=Lax so the link works when opened from an e-mail.</summary>
    public static void SetCookie(HttpResponse response, string token) =>
        response.Cookies.Append(Cookie, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(180),
        });
}
