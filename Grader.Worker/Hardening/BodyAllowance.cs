using Grader.Worker.Settings;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Hardening;

/// <summary>
/// Raises Kestrel's body limit for the routes marked <see cref="DrainedBody"/> to
/// <see cref="ServiceLimits.MaxDrainedBodyBytes"/>, before anything reads the body. Those routes
/// keep at most a submission's bytes themselves and answer 413 for more; with the raised limit,
/// Kestrel then reads the rest of the body and discards it, so a client that sends a file
/// whole (curl, HttpClient) reads the 413 answer instead of a broken pipe, and the connection lives on.
/// </summary>
public static class BodyAllowance
{
    /// <summary>Marks the routes whose over-size bodies are drained.</summary>
    public static TBuilder DrainsOverSizeBodies<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new DrainedBody());

    /// <summary>Adds the middleware; it must come before anything that reads a body (antiforgery, forms).</summary>
    public static IApplicationBuilder UseBodyAllowance(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<DrainedBody>() is not null
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            var services = context.RequestServices;
            size.MaxRequestBodySize = Allowance(
                services.GetRequiredService<IOptions<ServiceLimits>>().Value, services.GetRequiredService<IOptions<GraderOptions>>().Value);
        }

        return next(context);
    });

    /// <summary>The raised limit: the drain bound, and never less than the service's own body limit.</summary>
    public static long Allowance(ServiceLimits limits, GraderOptions grader) =>
        Math.Max(limits.MaxDrainedBodyBytes, HttpLimitsExtensions.BodyLimit(limits, grader));
}
