using Grader.Worker.Access;
using Hangfire;

namespace Grader.Worker.Grading;

/// <summary>
/// Grading's routes: regrading an assignment, a TA's score override, regrade requests (asked by
/// the submission's student, answered by TAs), and the queue's Hangfire Dashboard at <c>/hangfire</c>.
/// </summary>
public static class GradingRoutes
{
    /// <summary>Maps the routes, each in the group of its access rule.</summary>
    public static IEndpointRouteBuilder MapGrading(this IEndpointRouteBuilder app)
    {
        var ta = app.MapAccessGroup(AccessRule.Ta);
        ta.MapPost("/api/assignments/{id}/regrade", Regrade);
        ta.MapPost("/api/submissions/{id:long}/overrides", Override);
        ta.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new TaDashboardAuthorization(app.ServiceProvider.GetRequiredService<TaTokenStore>())],
            AppPath = "/",
            DashboardTitle = "Grader: grading queue",
        }, app.ServiceProvider.GetRequiredService<JobStorage>())
            .WithMetadata(new JsonRefusal(
                "the grading queue's dashboard needs the TA token (open it once with ?token=, or send Authorization: Bearer)",
                "the grading queue's dashboard is for TAs; this credential does not open it"));
        app.MapRegradeRequestApi();
        app.MapAnswerGroupApi();
        return app;
    }

    private static async Task<IResult> Regrade(string id, RegradeService regrade, CancellationToken ct) => await regrade.RegradeAsync(id, ct) switch
    {
        { Queued: { } count } => Results.Json(new { assignment = id, queued = count }, statusCode: 202),
        { Refused: { } p } => Results.Json(
            new { error = $"the assignment file {Path.GetFileName(p.File)} is invalid; nothing was regraded and the previous version stays in force", problems = p.Problems },
            statusCode: 422),
        _ => Results.Json(new { error = $"unknown assignment '{id}'" }, statusCode: 404),
    };

    private static async Task<IResult> Override(long id, OverrideRequest body, ManualGradingService manual, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Question) || body.Score is null)
        {
            return Results.Json(new { error = "say which question and score: {\"question\": ..., \"score\": ..., \"comment\": ...}" }, statusCode: 400);
        }

        if (OverrideRequest.Problem(body) is { } problem)
        {
            return Results.Json(new { error = problem }, statusCode: 400);
        }

        var outcome = await manual.OverrideAsync(id, body.Question, body.Score.Value, body.Comment ?? "", string.IsNullOrWhiteSpace(body.By) ? "ta" : body.By.Trim(), ct);
        return outcome.Total is { } total
            ? Results.Json(new { submission = id, question = body.Question, score = outcome.Score, total })
            : Results.Json(new { error = outcome.Error }, statusCode: outcome.Status);
    }
}
