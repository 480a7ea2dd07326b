using System.Threading.RateLimiting;
using Grader.Worker.Access;
using Grader.Worker.Settings;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Hardening;

/// <summary>
/// The service's defences, in one place: Kestrel's connection, header, body and timeout limits,
/// multipart limits, a request rate per client address, JSON for every refusal, request logs with
/// query strings redacted, and background services that outlive a failing item.
/// </summary>
public static class HttpLimitsExtensions
{
    /// <summary>Registers the framework features that enforce the limits (section <c>Grader:Limits</c>, bound by the host).</summary>
    public static WebApplicationBuilder AddGraderHttpLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services =>
        {
            var l = services.GetRequiredService<IOptions<ServiceLimits>>().Value;
            var (soft, inUse) = (FileDescriptors.SoftLimit(), FileDescriptors.InUse());
            var connections = FileDescriptors.ConnectionLimit(l.MaxConcurrentConnections, soft, inUse);
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FileDescriptors));
            if (connections < l.MaxConcurrentConnections)
            {
                logger.LogWarning(
                    "Open connections limited to {Connections} (configured {Configured}): the open-file limit is {Soft} and {InUse} descriptors are in use at start, with {Headroom} kept for the database, the inbox and Hangfire; raise 'ulimit -n' for more",
                    connections, l.MaxConcurrentConnections, soft, inUse, FileDescriptors.Headroom);
            }

            return new ConnectionGate(connections, logger);
        });

        // Kestrel's socket transport, accepting only while the gate has room (the last listener
        // factory registered is the one Kestrel binds with; the plain one is removed all the same).
        builder.Services.RemoveAll<IConnectionListenerFactory>();
        builder.Services.AddSingleton<IConnectionListenerFactory, GatedListenerFactory>();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServiceLimits>, IOptions<GraderOptions>>((kestrel, limits, grader) =>
        {
            var l = limits.Value;
            kestrel.AddServerHeader = false;

            // The gate closes a connection over the limit at once; Kestrel's own limit would keep it open.
            var gate = kestrel.ApplicationServices.GetRequiredService<ConnectionGate>();
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.ConfigureEndpointDefaults(listen => listen.Use(gate.Use));
            kestrel.Limits.MaxConcurrentUpgradedConnections = l.MaxConcurrentUpgradedConnections;
            kestrel.Limits.KeepAliveTimeout = l.KeepAliveTimeout;
            kestrel.Limits.RequestHeadersTimeout = l.RequestHeadersTimeout;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(l.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(5));
            kestrel.Limits.MaxRequestHeadersTotalSize = l.MaxRequestHeadersTotalSize;
            kestrel.Limits.MaxRequestBodySize = BodyLimit(l, grader.Value);
        });
        builder.Services.AddOptions<FormOptions>().Configure<IOptions<ServiceLimits>, IOptions<GraderOptions>>((form, limits, grader) =>
        {
            var l = limits.Value;
            form.MultipartBodyLengthLimit = BodyLimit(l, grader.Value);
            form.ValueCountLimit = l.MaxFormFields;
            form.MultipartHeadersCountLimit = 8;
            form.MultipartHeadersLengthLimit = l.MaxMultipartHeadersBytes;
            form.KeyLengthLimit = 256;
            form.ValueLengthLimit = (int)Math.Min(int.MaxValue, BodyLimit(l, grader.Value));
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await PageRefusals.WriteRefusalAsync(
                    context.HttpContext, StatusCodes.Status429TooManyRequests, "too many requests from your address; wait a second and try again", ct);
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var l = http.RequestServices.GetRequiredService<IOptions<ServiceLimits>>().Value;
                if (l.RequestsPerSecondPerClient <= 0 || http.Request.Path.StartsWithSegments("/health")
                    || http.Request.Path.StartsWithSegments("/assets") || http.Request.Path.StartsWithSegments("/katex"))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                return RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, l.RequestBurstPerClient),
                    TokensPerPeriod = l.RequestsPerSecondPerClient,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });

        // The framework's own request log prints full URLs (a ?token= among them) at Information;
        // RequestLog below logs requests with their query values redacted instead.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

        // One bad item must never stop the host: each service catches per item, and an escaped
        // exception is logged rather than shutting the service down.
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        return builder;
    }

    /// <summary>Adds the request log, the JSON refusal shield, the answer-file routes' drained bodies, JSON bodies for the framework's empty refusals and the rate limiter to the pipeline.</summary>
    public static WebApplication UseGraderHttpLimits(this WebApplication app)
    {
        app.UseMiddleware<RequestShield>();
        app.UseBodyAllowance();
        app.UseStatusCodePages(JsonRefusals.WriteAsync);
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The largest request body: the configured bound, and never less than a submission plus multipart framing.</summary>
    public static long BodyLimit(ServiceLimits limits, GraderOptions grader) =>
        Math.Max(limits.MaxRequestBodyBytes, grader.MaxSubmissionBytes + (64 * 1024));
}
