using Grader.Worker.Access;
using Grader.Worker.Hardening;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

using Grader.Worker.Telemetry;

namespace Grader.Worker.Operations;

/// <summary>
/// What an operator watches: metrics (OpenTelemetry, Prometheus text at <c>GET /metrics</c>), the
/// readiness checks <c>database</c>, <c>migrations</c>, <c>hangfire</c> and <c>queue</c> beside the
/// <c>disk</c> check of <c>GET /health/ready</c>, <c>GET /health/live</c>, and the log format. See docs/monitoring.md.
/// </summary>
public static class OperationsExtensions
{
    /// <summary>Registers the metrics, the readiness checks and the log format (section <c>Grader:Metrics</c>, <c>Grader:Health</c>, <c>Grader:LogFormat</c>).</summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        LogFormat.Apply(builder);
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        builder.Services.AddOptions<HealthLimits>().BindConfiguration(HealthLimits.Section)
            .Validate(o => o.MaxQueueDepth >= 0 && o.MaxOldestAccepted > TimeSpan.Zero,
                "Grader:Health:MaxQueueDepth must be 0 or more and Grader:Health:MaxOldestAccepted a positive time span")
            .ValidateOnStart();
        if (builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>()?.Parse().Invalid is { } invalid)
        {
            throw new InvalidOperationException($"Grader:Metrics:ScrapeAddresses: '{LogText.Escape(invalid, 60)}' is neither an IP address nor a CIDR range (e.g. 10.0.0.5 or 10.0.0.0/8)");
        }

        builder.Services.AddSingleton(new NodeStarted(DateTime.UtcNow));
        builder.Services.AddSingleton<QueueProbe>();
        builder.Services.AddSingleton<GraderMetrics>();
        var scope = new MeterScope();
        builder.Services.AddSingleton(scope);
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(GraderMetrics.MeterName, "System.Runtime")
            .AddView(i => i.Meter.Name == GraderMetrics.MeterName && !ReferenceEquals(i.Meter.Scope, scope) ? MetricStreamConfiguration.Drop : null)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        var timeout = TimeSpan.FromSeconds(5);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, timeout: timeout)
            .AddCheck<MigrationsHealthCheck>(MigrationsHealthCheck.Name, timeout: timeout)
            .AddCheck<HangfireHealthCheck>(HangfireHealthCheck.Name, timeout: timeout)
            .AddCheck<QueueHealthCheck>(QueueHealthCheck.Name, timeout: timeout);
        return builder;
    }

    /// <summary>
    /// Maps <c>GET /metrics</c> in the <see cref="AccessRule.TaOrScraper"/> group (the TA token or a
    /// listed address, checked by <see cref="MetricsAccess"/>; never rate-limited) and
    /// <c>GET /health/live</c> in the <see cref="AccessRule.Anyone"/> group.
    /// </summary>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapAccessGroup(AccessRule.TaOrScraper)
            .MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: b => b.UseMiddleware<MetricsAccess>(), optionsName: null)
            .DisableRateLimiting()
            .WithMetadata(new HttpMethodMetadata(["GET"]));

        // Liveness: the process answers; no check runs (a database outage must not restart the node).
        app.MapAccessGroup(AccessRule.Anyone).MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (http, report) => http.Response.WriteAsJsonAsync(new { status = "healthy", checks = Array.Empty<object>() }),
        }).WithMetadata(new HttpMethodMetadata(["GET"]));
        return app;
    }
}
