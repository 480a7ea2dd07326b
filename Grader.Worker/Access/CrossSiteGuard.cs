using Grader.Worker.Hardening;
using Grader.Worker.Settings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Access;

/// <summary>
/// Refuses a state-changing API request (any method but GET, HEAD, OPTIONS, TRACE under
/// <c>/api/</c>) that a browser could have sent from another site with the service's sign-in
/// cookies (the TA's or a student's): 403 <c>{"error": "cross-site request refused"}</c> unless it carries a valid
/// antiforgery token, <c>Sec-Fetch-Site: same-origin</c>, or an <c>Origin</c> equal to the
/// request's own scheme://host:port or to <c>PublicUrl</c>'s. SameSite cookies do not stop a page
/// on a sibling subdomain. Requests with <c>Authorization: Bearer</c> carry their credential
/// themselves and are not checked (the CLI and scripts; a page on another site cannot set that
/// header without the service's consent), nor are requests without a sign-in cookie (a receipt
/// alone). A <c>?receipt=</c> does not exempt a request that also carries a cookie: any page can
/// add one to its form's address, and the cookie would still sign the request in. The pages' forms have
/// the framework's antiforgery check already (400 without the token). Every access group attaches
/// it to its endpoints (<see cref="AccessGroups.MapAccessGroup"/>), ahead of their binding and handler.
/// </summary>
public static class CrossSiteGuard
{
    /// <summary>The error of a refused request.</summary>
    public const string Refused = "cross-site request refused";

    private static readonly string[] Cookies = [Credentials.Cookie, StudentSignIn.Cookie];

    /// <summary>Puts the guard in front of an endpoint's request delegate.</summary>
    public static void Attach(EndpointBuilder endpoint)
    {
        var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException($"{endpoint.DisplayName} has no request delegate to guard");
        endpoint.RequestDelegate = context => Checked(context.Request) ? GuardAsync(context, inner) : inner(context);
    }

    private static async Task GuardAsync(HttpContext context, RequestDelegate inner)
    {
        if (await AllowedAsync(context))
        {
            await inner(context);
            return;
        }

        context.RequestServices.GetRequiredService<Grader.Worker.Telemetry.GraderMetrics>().RefusedCrossSite(context.Request);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(new { error = Refused });
    }

    /// <summary>True for a state-changing API request that a sign-in cookie would authenticate, and nothing else.</summary>
    private static bool Checked(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && Cookies.Any(c => !string.IsNullOrEmpty(request.Cookies[c]));

    private static async Task<bool> AllowedAsync(HttpContext context)
    {
        var request = context.Request;
        var options = context.RequestServices.GetRequiredService<IOptions<GraderOptions>>();
        if (request.Headers["Sec-Fetch-Site"].ToString() == "same-origin")
        {
            return true;
        }

        if (request.Headers.Origin.ToString() is { Length: > 0 } origin
            && (Origins.Same(origin, $"{request.Scheme}://{request.Host}") || (options.Value.PublicUrl is { } pub && Origins.Same(origin, pub))))
        {
            return true;
        }

        try
        {
            return await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
        }
        catch (Exception ex) when (RequestShield.IsBodyFault(ex, context.RequestAborted))
        {
            return false;
        }
    }
}
