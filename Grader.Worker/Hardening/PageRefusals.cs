using Grader.Worker.Pages.Shared;
using Grader.Worker.Settings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Hardening;

/// <summary>
/// The refusals the framework makes before a page's handler runs (a missing or stale antiforgery
/// token, an over-size upload, a field that cannot be bound) and the ones that escape a handler,
/// as a page for a browser: the reason and a link back to the page the form came from. A request
/// gets a page when it asks for HTML (<c>Accept: text/html</c>, as a browser's form post or
/// navigation does) and is not for the API, an export or the operator's routes; everything else
/// (the API, the CLI, scripts, the pages' own <c>fetch()</c> calls) keeps the JSON <c>{"error": ...}</c>.
/// </summary>
public static class PageRefusals
{
    private static readonly string[] JsonPrefixes = ["/api", "/metrics", "/health", "/hangfire"];

    /// <summary>True when the refusal of this request should be a page rather than JSON.</summary>
    public static bool Wanted(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        return request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true)
            && !JsonPrefixes.Any(p => request.Path.StartsWithSegments(p))
            && !path.EndsWith(".csv", StringComparison.Ordinal) && !path.EndsWith(".json", StringComparison.Ordinal);
    }

    /// <summary>
    /// Writes a refusal whose status is set: the page for a browser on a page's route
    /// (<see cref="Wanted"/>), else JSON <c>{"error": ...}</c>.
    /// </summary>
    public static Task WriteRefusalAsync(HttpContext http, int status, string error, CancellationToken ct = default) =>
        Wanted(http.Request) ? WritePageAsync(http, status, error) : http.Response.WriteAsJsonAsync(new { error }, ct);

    /// <summary>Writes the page of a refusal with this status; <paramref name="error"/> is the JSON refusal's wording, shown when no page wording fits better.</summary>
    private static Task WritePageAsync(HttpContext http, int status, string error)
    {
        var (heading, text) = Words(http, status, error);
        var (href, label) = Back(http.Request);
        return PageResult.Message(status, heading, heading, text, href, label).ExecuteAsync(http);
    }

    private static (string Heading, string Text) Words(HttpContext http, int status, string error)
    {
        // From the header: the request's form may not be touched after a failed antiforgery check.
        var form = http.Request.ContentType is { } type
            && (type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) || type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase));
        return status switch
        {
            400 when http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } && JsonRefusals.BodyFault(http) is null =>
                ("The form was not sent", "Its security token is missing, has expired, or belongs to another sign-in (the page was opened before you signed in or out, "
                    + "or as someone else): reload the page and send the form again."),
            400 when form => ("The form was not sent", "The form could not be read as this page expects (a field is missing or malformed): reload the page and send the form again."),
            413 => ("The form was not sent", (http.Request.Path.StartsWithSegments("/me")
                ? $"It is over the size limit: an answer file may be at most {Size(Grader(http).MaxSubmissionBytes)}."
                : $"It is over the size limit: a form (a class list's file with it) may be at most {Size(HttpLimitsExtensions.BodyLimit(http.RequestServices.GetRequiredService<IOptions<ServiceLimits>>().Value, Grader(http)))}.")
                + " Choose a smaller file and send the form again."),
            _ => (status switch { 404 => "Not found", >= 500 => "The service could not do this now", _ => "Refused" }, char.ToUpperInvariant(error[0]) + error[1..] + "."),
        };
    }

    /// <summary>A size as people read it: <c>1 MiB (1,048,576 bytes)</c>.</summary>
    private static string Size(long bytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{(bytes >= 1 << 20 ? $"{bytes / 1048576.0:0.##} MiB" : $"{bytes / 1024.0:0.##} KiB")} ({bytes:N0} bytes)");

    private static GraderOptions Grader(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<GraderOptions>>().Value;

    /// <summary>Back to the page the form came from (its Referer, when it is this service's own), else the student's or the TA's home.</summary>
    private static (string Href, string Label) Back(HttpRequest request)
    {
        var from = request.Headers.Referer.ToString();
        if (Origins.Same(from, $"{request.Scheme}://{request.Host}") && Uri.TryCreate(from, UriKind.Absolute, out var referer))
        {
            return (referer.PathAndQuery, "← back to the page");
        }

        return request.Path.StartsWithSegments("/me") || request.Path.StartsWithSegments("/s") ? ("/me", "← your assignments") : ("/", "← home");
    }
}
