namespace Grader.Worker.Access;

/// <summary>Route groups by access rule: a route mapped into a group inherits its rule and its check.</summary>
public static class AccessGroups
{
    /// <summary>
    /// A group (no path prefix) whose endpoints carry <paramref name="rule"/>, are guarded against
    /// cross-site requests (<see cref="CrossSiteGuard"/>), and are checked by
    /// <see cref="AccessGate"/> before their handler runs (after its parameters are bound, as the
    /// handler's own check did). Endpoints that are not route handlers (the Hangfire Dashboard) are
    /// checked before their request delegate. <see cref="AccessRule.Anyone"/> and
    /// <see cref="AccessRule.Submitter"/> add no filter, so the submission route pays nothing.
    /// </summary>
    public static RouteGroupBuilder MapAccessGroup(this IEndpointRouteBuilder routes, AccessRule rule)
    {
        var group = routes.MapGroup("");
        group.WithMetadata(new AccessRuleMetadata(rule));
        ((IEndpointConventionBuilder)group).Add(CrossSiteGuard.Attach);
        if (!AccessGate.Checks(rule))
        {
            return group;
        }

        group.AddEndpointFilter(async (context, next) =>
            await AccessGate.CheckAsync(rule, context.HttpContext) is { } refused ? refused : await next(context));
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<System.Reflection.MethodInfo>().Any() || endpoint.RequestDelegate is not { } inner)
            {
                return; // a route handler: the filter above checks it
            }

            endpoint.RequestDelegate = async http =>
            {
                if (await AccessGate.CheckAsync(rule, http) is { } refused)
                {
                    await refused.ExecuteAsync(http);
                    return;
                }

                await inner(http);
            };
        });
        return group;
    }
}
