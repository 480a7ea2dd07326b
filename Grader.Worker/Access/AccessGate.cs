using Grader.Worker.Pages.Shared;

namespace Grader.Worker.Access;

/// <summary>
/// The checks of the access rules, in one place. A check either lets the request through (and
/// leaves what it learnt, the <see cref="Credentials"/> or the signed-in <see cref="StudentIdentity"/>,
/// in the request's features for the handler) or answers with the refusal.
/// </summary>
public static class AccessGate
{
    /// <summary>True when a rule checks anything before the handler (the others are open, or checked by the use case itself).</summary>
    public static bool Checks(AccessRule rule) => rule is not (AccessRule.Anyone or AccessRule.Submitter or AccessRule.ReceiptOrOwner or AccessRule.TaOrScraper);

    /// <summary>Null when the request may go on; otherwise the refusal.</summary>
    public static async ValueTask<IResult?> CheckAsync(AccessRule rule, HttpContext http)
    {
        switch (rule)
        {
            case AccessRule.Ta:
            {
                var credentials = Remember(http);
                if (credentials.IsTa)
                {
                    return credentials.SignInRedirect(http.Request);
                }

                var student = await SignIn(http).StudentAsync(http.Request, ct: http.RequestAborted);
                return Refuse(http, credentials with { IsStudent = student is not null });
            }

            case AccessRule.TaOrReceipt:
            case AccessRule.TaReceiptOrOwner:
            {
                // Whether the receipt (or the signed-in student) opens this submission is decided where the submission is read (SubmissionViews).
                var credentials = Remember(http);
                if (rule == AccessRule.TaReceiptOrOwner && !credentials.IsTa
                    && await SignIn(http).StudentAsync(http.Request, ct: http.RequestAborted) is { } student)
                {
                    credentials = credentials with { Student = student.StudentId };
                    http.Features.Set(credentials);
                }

                return !credentials.HasCredential ? Refuse(http, credentials)
                    : rule == AccessRule.TaReceiptOrOwner ? credentials.SignInRedirect(http.Request)
                    : null;
            }

            case AccessRule.Student:
            {
                var form = http.Request.HasFormContentType ? http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form : null;
                if (await SignIn(http).StudentAsync(http.Request, form, http.RequestAborted) is { } student)
                {
                    http.Features.Set(student);
                    return null;
                }

                return http.GetEndpoint()?.Metadata.GetMetadata<JsonRefusal>() is { } json
                    ? Results.Json(new { error = json.NoCredential }, statusCode: 401)
                    : NotSignedIn(http.Request);
            }

            default:
                return null;
        }
    }

    /// <summary>The credentials a check read from this request (the TA and receipt rules).</summary>
    public static Credentials CredentialsOf(HttpContext http) =>
        http.Features.Get<Credentials>() ?? throw new InvalidOperationException("the route is not in a TA or receipt group");

    /// <summary>The student the <see cref="AccessRule.Student"/> check signed in.</summary>
    public static StudentIdentity StudentOf(HttpContext http) =>
        http.Features.Get<StudentIdentity>() ?? throw new InvalidOperationException("the route is not in the student group");

    /// <summary>The page for a student who is not signed in (or whose link was replaced).</summary>
    public static IResult NotSignedIn(HttpRequest request) =>
        PageResult.Message(401, "Sign in", "Please sign in",
            request.Cookies.ContainsKey(StudentSignIn.Cookie)
                ? "Your sign-in link has been replaced. Open the new link your instructor sent you."
                : "Open the personal link your instructor sent you (it looks like /s/…); it signs this browser in.");

    private static Credentials Remember(HttpContext http)
    {
        // Read once per request: a valid ?token= sets the TA cookie as it is read.
        var credentials = Credentials.Of(http, http.RequestServices.GetRequiredService<TaTokenStore>());
        http.Features.Set(credentials);
        return credentials;
    }

    private static StudentSignIn SignIn(HttpContext http) => http.RequestServices.GetRequiredService<StudentSignIn>();

    private static IResult Refuse(HttpContext http, Credentials credentials) =>
        http.GetEndpoint()?.Metadata.GetMetadata<JsonRefusal>() is { } json
            ? Results.Json(new { error = credentials.HasCredential ? json.WrongCredential ?? json.NoCredential : json.NoCredential }, statusCode: credentials.HasCredential ? 403 : 401)
            : credentials.Refuse(http.Request);
}
