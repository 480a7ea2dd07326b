using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace Grader.Worker.Hardening;

/// <summary>
/// The body of a refusal the framework makes with none (routing's 404 and 405, the JSON binder's
/// 400 for an invalid or <c>null</c> body, 415 for another content type, 413 for an over-size
/// body, a failed antiforgery check): JSON <c>{"error": ...}</c> like every other refusal, or for
/// a browser on a page's route a page (<see cref="PageRefusals"/>). A form whose body could not be
/// read (over the size limit, cut short) fails the antiforgery check, which reads the form first:
/// it is answered as that body fault (413, 400), not as a missing token.
/// </summary>
public static class JsonRefusals
{
    /// <summary>Writes the body of an empty 4xx or 5xx answer (<c>UseStatusCodePages</c> calls it only for those).</summary>
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var (status, error) = Refusal(http);
        http.Response.StatusCode = status;
        await PageRefusals.WriteRefusalAsync(http, status, error);
    }

    /// <summary>The status and wording of the refusal: the response's, or for a form that failed antiforgery because its body could not be read, that body fault's.</summary>
    public static (int Status, string Error) Refusal(HttpContext http)
    {
        return BodyFault(http) is { } fault ? RequestShield.BodyRefusal(fault) : (http.Response.StatusCode, Message(http));
    }

    /// <summary>The body fault (see <see cref="RequestShield.IsBodyFault"/>) that failed this request's antiforgery check, if that is why it failed.</summary>
    public static Exception? BodyFault(HttpContext http)
    {
        if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false, Error: { } failure })
        {
            for (var cause = failure.InnerException; cause is not null; cause = cause.InnerException)
            {
                if (RequestShield.IsBodyFault(cause, http.RequestAborted))
                {
                    return cause;
                }
            }
        }

        return null;
    }

    // The JSON routes are under /api (the submission and class-list routes read any body); the others take forms.
    private static string Accepted(HttpContext http) => http.Request.Path.StartsWithSegments("/api")
        ? "application/json"
        : "a form (multipart/form-data or application/x-www-form-urlencoded)";

    /// <summary>What the refusal says, by status.</summary>
    public static string Message(HttpContext http)
    {
        var request = http.Request;
        var what = $"{request.Method} {LogText.Escape(request.Path.Value ?? "/", 200)}";
        return http.Response.StatusCode switch
        {
            400 when http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } =>
                "bad request: the form's antiforgery token is missing or invalid; reload the page and send the form again",
            400 => "bad request: the request body could not be read as this route expects (for a JSON route: a JSON object, not null or invalid JSON)",
            401 => "a credential is needed: a TA token, a student's token, or a submission's receipt",
            403 => "this credential does not open this resource",
            404 => $"not found: no route or resource for {what}",
            405 => $"method not allowed: {what} (allowed: {http.Response.Headers.Allow})",
            413 => "the request body is over the size limit",
            415 => $"unsupported content type '{LogText.Escape(request.ContentType ?? "none", 100)}': this route takes {Accepted(http)}",
            var status => $"request refused ({status})",
        };
    }
}
