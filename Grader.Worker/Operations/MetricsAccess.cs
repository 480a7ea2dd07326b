using System.Net;
using Grader.Worker.Access;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Operations;

/// <summary>
/// Guards <c>GET /metrics</c>: the TA token as <c>Authorization: Bearer</c>, or a client address in
/// <c>Grader:Metrics:ScrapeAddresses</c>. Otherwise JSON 401 (no credential) or 403 (a credential
/// that is not the TA token).
/// </summary>
public sealed class MetricsAccess(RequestDelegate next, TaTokenStore tokens, IOptions<MetricsOptions> options)
{
    private readonly IReadOnlyList<IPNetwork> allowed = options.Value.Parse().Networks;

    /// <summary>Lets the scrape through, or refuses it.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (tokens.Matches(Credentials.BearerOf(context.Request)) || MetricsOptions.Allows(allowed, context.Connection.RemoteIpAddress))
        {
            await next(context);
            return;
        }

        var presented = authorization.Length > 0;
        context.Response.StatusCode = presented ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        await context.Response.WriteAsJsonAsync(new
        {
            error = presented
                ? "this credential does not open the metrics: send the TA token as 'Authorization: Bearer TOKEN'"
                : "the metrics need the TA token ('Authorization: Bearer TOKEN') or a client address listed in Grader:Metrics:ScrapeAddresses",
        });
    }
}
