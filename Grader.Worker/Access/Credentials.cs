using Grader.Worker.Pages.Shared;

namespace Grader.Worker.Access;

/// <summary>
/// Who a request is: a TA (the TA token as <c>Authorization: Bearer</c>, the <c>grader_ta</c>
/// cookie or <c>?token=</c>), the holder of one submission's receipt (<c>?receipt=</c> or
/// <c>X-Receipt</c>), a signed-in student (where the rule reads one), or nobody.
/// </summary>
public sealed record Credentials(bool IsTa, string? Receipt)
{
    /// <summary>The cookie that keeps a TA signed in after opening a page with <c>?token=</c>.</summary>
    public const string Cookie = "grader_ta";

    /// <summary>
    /// True when the request is a student's signed in with a valid token (set where a TA-only
    /// route is refused: the student is known, so the answer is 403, not a request to sign in).
    /// </summary>
    public bool IsStudent { get; init; }

    /// <summary>
    /// The signed-in student's id, where the rule reads it (<see cref="AccessRule.TaReceiptOrOwner"/>:
    /// a student opens their own submissions' reports without the receipt); null otherwise.
    /// </summary>
    public string? Student { get; init; }

    /// <summary>True when any credential was presented.</summary>
    public bool HasCredential => IsTa || Receipt is not null || IsStudent || Student is not null;

    /// <summary>The token of an <c>Authorization: Bearer TOKEN</c> header, trimmed; null without one (or with an empty one).</summary>
    public static string? BearerOf(HttpRequest request) =>
        request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && header[7..].Trim() is { Length: > 0 } token
            ? token
            : null;

    /// <summary>Reads the request's credentials; a valid <c>?token=</c> also sets the cookie.</summary>
    public static Credentials Of(HttpContext context, TaTokenStore tokens)
    {
        var request = context.Request;
        var bearer = BearerOf(request);
        var query = request.Query["token"].FirstOrDefault();
        var cookie = request.Cookies[Cookie];
        var isTa = tokens.Matches(bearer) || tokens.Matches(query) || tokens.Matches(cookie);
        if (isTa && tokens.Matches(query))
        {
            // Lax, as the student's: a TA following a link from a mail stays signed in. Pages' forms
            // carry antiforgery tokens and the API is behind the cross-site guard, so a cross-site
            // request gains nothing from the cookie.
            context.Response.Cookies.Append(Cookie, query!, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
        }

        var receipt = request.Query["receipt"].FirstOrDefault() ?? request.Headers["X-Receipt"].FirstOrDefault();
        return new Credentials(isTa, string.IsNullOrWhiteSpace(receipt) ? null : receipt);
    }

    /// <summary>
    /// The refusal for a request this access does not cover: 401 when no credential was presented,
    /// 403 when one was but it does not open this resource; JSON for the API and the exports, a page otherwise.
    /// </summary>
    public IResult Refuse(HttpRequest request)
    {
        var status = HasCredential ? 403 : 401;
        return WantsJson(request)
            ? Results.Json(new { error = status == 401 ? "a TA token (or, for one submission, its receipt) is needed" : IsStudent ? "this is for TAs; a student's token does not open it" : "this credential does not open this resource" }, statusCode: status)
            : status == 401
                ? PageResult.Message(401, "Sign in", "401: please sign in",
                    (request.Cookies.ContainsKey(StudentSignIn.Cookie) ? "Your sign-in link has been replaced. " : "")
                    + "Students: open the personal link your instructor sent you (it looks like /s/…) to sign this browser in, then open this page again; "
                    + "or open a report by the link your submission's receipt gave (it ends in ?receipt=…). "
                    + "TAs: open this page once with ?token=YOUR-TA-TOKEN (the token is kept in the service's data/ta-token.txt).")
                : PageResult.Message(403, "Forbidden", "403: not yours", Student is not null
                    ? "This is not one of your submissions. Your own reports are linked from your assignments' pages, on /me."
                    : IsStudent
                    ? "This page is for TAs. Your own assignments are on your page, /me."
                    : "This credential does not open this page.");
    }

    /// <summary>
    /// Null when this access may read the submission (<paramref name="submissionReceipt"/> and
    /// <paramref name="submissionStudent"/> are the stored submission's, null when there is none);
    /// otherwise the refusal. A missing submission is 404 for a TA and 403 for anyone else, so a
    /// receipt or a student's sign-in reveals nothing about other ids.
    /// </summary>
    public IResult? Deny(HttpRequest request, long id, string? submissionReceipt, string? submissionStudent = null)
    {
        if (!HasCredential || (submissionReceipt is not null && !MayRead(submissionReceipt) && !Owns(submissionStudent)) || (submissionReceipt is null && !IsTa))
        {
            return Refuse(request);
        }

        return submissionReceipt is null
            ? WantsJson(request)
                ? Results.Json(new { error = $"no submission {id}" }, statusCode: 404)
                : PageResult.Message(404, "Not found", $"No submission {id}")
            : null;
    }

    /// <summary>
    /// For a TA's page (a GET that is not the API or an export) opened with <c>?token=</c>: a
    /// redirect to the same address without the token, once <see cref="Of"/> has set the cookie, so
    /// the token stays out of the browser's history, bookmarks and Referer headers; otherwise null.
    /// </summary>
    public IResult? SignInRedirect(HttpRequest request)
    {
        if (!IsTa || !HttpMethods.IsGet(request.Method) || WantsJson(request) || !request.Query.ContainsKey("token"))
        {
            return null;
        }

        var rest = request.Query.Where(q => q.Key != "token").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return Results.Redirect(request.PathBase + request.Path + QueryString.Create(rest));
    }

    private static bool WantsJson(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        return request.Path.StartsWithSegments("/api") || path.EndsWith(".csv", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal);
    }

    /// <summary>True when the signed-in <see cref="Student"/> is the submission's own student (ids compared trimmed and case-folded).</summary>
    public bool Owns(string? submissionStudent) =>
        Student is not null && submissionStudent is not null && Grader.Domain.Students.StudentIds.Same(Student, submissionStudent);

    /// <summary>True when this request may read the submission with that receipt token.</summary>
    public bool MayRead(string submissionReceipt) =>
        IsTa || (Receipt is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(Receipt), System.Text.Encoding.UTF8.GetBytes(submissionReceipt)));
}
