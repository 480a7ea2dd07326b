using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grader.Worker.Hardening;

/// <summary>
/// <c>GET /health/ready</c>: 200 or 503 with <c>{"status": "healthy"|"unhealthy", "checks": [{"name",
/// "status", "description"}]}</c>. <c>/health</c> stays the plain liveness answer <c>ok</c>.
/// </summary>
public static class ReadinessEndpoint
{
    /// <summary>Registers the checks (the <c>disk</c> check; later checks join it).</summary>
    public static IServiceCollection AddGraderHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<DiskFaults>();
        services.AddHealthChecks().AddCheck<DiskHealthCheck>(DiskHealthCheck.Name);

        // The framework logs every failing check at Error, each time a probe asks; a full disk is
        // logged by DiskFaults at most once a minute instead.
        services.AddLogging(l => l.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical));
        return services;
    }

    /// <summary>Maps <c>GET /health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = (http, report) => http.Response.WriteAsJsonAsync(new
            {
                status = Word(report.Status),
                checks = report.Entries.Select(e => new { name = e.Key, status = Word(e.Value.Status), description = e.Value.Description }),
            }),
        }).WithMetadata(new HttpMethodMetadata(["GET"]));
        return app;
    }

    private static string Word(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
