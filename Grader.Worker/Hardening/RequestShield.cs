using System.Diagnostics;

namespace Grader.Worker.Hardening;

/// <summary>
/// The outermost middleware: logs each request (method, path, query keys with values redacted,
/// status, time; at Debug) and turns anything that escapes a handler into a JSON refusal —
/// 413 for an over-size body, 400 for a malformed one, 503 with <c>Retry-After</c> when the disk
/// is full or failing (<see cref="DiskFaults"/>), 500 (logged, never with an empty body) otherwise;
/// a browser on a page's route gets the same refusal as a page (<see cref="PageRefusals"/>).
/// </summary>
public sealed class RequestShield(RequestDelegate next, ILogger<RequestShield> logger)
{
    /// <summary>Runs the request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, error) = Refusal(ex);
            if (status == 503)
            {
                context.RequestServices.GetRequiredService<DiskFaults>().Report(ex, $"{context.Request.Method} {context.Request.Path}");
            }
            else if (status == 500)
            {
                logger.LogError(ex, "Request {Method} {Path} failed", context.Request.Method, LogText.RedactQuery(context.Request.Path, context.Request.QueryString));
            }

            context.Response.Clear();
            context.Response.StatusCode = status;
            if (status == 503)
            {
                context.Response.Headers.RetryAfter = DiskFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await PageRefusals.WriteRefusalAsync(context, status, error);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("HTTP {Method} {Path} {Status} in {Elapsed:0.0} ms", context.Request.Method,
                    LogText.RedactQuery(context.Request.Path, context.Request.QueryString), context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    /// <summary>
    /// True for an exception from reading the request body that is the client's fault: the framework's
    /// bad-request and malformed-form exceptions, and the reader's <see cref="IOException"/> for a body
    /// that ends before its multipart closing boundary or a chunk size that overflows.
    /// </summary>
    public static bool IsBodyFault(Exception ex, CancellationToken aborted) =>
        !aborted.IsCancellationRequested && ex is BadHttpRequestException or InvalidDataException or IOException;

    /// <summary>The status and message for an exception from reading the request body (see <see cref="IsBodyFault"/>).</summary>
    public static (int Status, string Error) BodyRefusal(Exception ex) => ex is IOException and not BadHttpRequestException
        ? (400, "malformed request body: " + LogText.Escape(ex.Message, 200))
        : Refusal(ex);

    /// <summary>The status and message for an exception that escaped a handler.</summary>
    public static (int Status, string Error) Refusal(Exception ex) => ex switch
    {
        _ when DiskFaults.Is(ex) => (503, DiskFaults.Message),
        BadHttpRequestException { StatusCode: 413 } => (413, "the request body is over the size limit"),
        InvalidDataException e when e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase) => (413, "the request body is over the size limit"),
        BadHttpRequestException e => (e.StatusCode, "bad request: " + LogText.Escape(e.Message, 200)),
        InvalidDataException e => (400, "malformed request body: " + LogText.Escape(e.Message, 200)),
        _ => (500, $"internal error (logged at {DateTime.UtcNow:O}); the service keeps running"),
    };
}
