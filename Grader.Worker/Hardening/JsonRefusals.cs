using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace Grader.Worker.Hardening;

/// <summary>
/// The body of a refusal the framework makes with none (routing's 404 and 405, the JSON binder's
/// 400 for an invalid or <c>null</c> body, 415 for another content type, 413 for an over-size
/// body, a failed antiforgery check): JSON <c>{"error": ...}</c> like every other refusal.
/// </summary>
public static class JsonRefusals
{
    /// <summary>Writes the JSON body of an empty 4xx or 5xx answer (<c>UseStatusCodePages</c> calls it only for those).</summary>
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        await http.Response.WriteAsJsonAsync(new { error = Message(http) });
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
