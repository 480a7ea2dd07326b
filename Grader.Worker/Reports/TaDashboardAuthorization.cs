using Hangfire.Dashboard;

namespace Grader.Worker.Reports;

/// <summary>Opens the Hangfire Dashboard (<c>/hangfire</c>) to TAs only, by the same rules as the TA pages (<see cref="Access"/>).</summary>
public sealed class TaDashboardAuthorization(TaTokenStore tokens) : IDashboardAuthorizationFilter
{
    /// <inheritdoc />
    public bool Authorize(DashboardContext context) => Access.Of(context.GetHttpContext(), tokens).IsTa;
}
