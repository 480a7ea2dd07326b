using Hangfire.Dashboard;

namespace Grader.Worker.Access;

/// <summary>Opens the Hangfire Dashboard (<c>/hangfire</c>) to TAs only, by the same rules as the TA pages (<see cref="Credentials"/>).</summary>
public sealed class TaDashboardAuthorization(TaTokenStore tokens) : IDashboardAuthorizationFilter
{
    /// <inheritdoc />
    public bool Authorize(DashboardContext context) => Credentials.Of(context.GetHttpContext(), tokens).IsTa;
}
