using Grader.Worker.Access;

namespace Grader.Worker.Grading;

/// <summary>
/// Grading by answer group, for TAs: <c>GET /api/assignments/{id}/answer-groups[?question=Q]</c>,
/// <c>POST /api/assignments/{id}/answer-groups</c> (a score for a group) and
/// <c>DELETE /api/assignments/{id}/answer-groups/{rule}?by=NAME</c> (undo). The assignment page's
/// forms are in <c>Pages/Ta/AnswerGroupForms</c>.
/// </summary>
public static class AnswerGroupApi
{
    /// <summary>Maps the API routes in the TA group.</summary>
    public static IEndpointRouteBuilder MapAnswerGroupApi(this IEndpointRouteBuilder app)
    {
        var ta = app.MapAccessGroup(AccessRule.Ta);
        ta.MapGet("/api/assignments/{id}/answer-groups", async (string id, string? question, AnswerGroupService groups, CancellationToken ct) =>
            await groups.ListAsync(id, question, ct) is { } list
                ? Results.Json(list.Select(AnswerGroupJson.Of))
                : Results.Json(new { error = $"unknown assignment '{Hardening.LogText.Escape(id, 100)}'" }, statusCode: 404));

        ta.MapPost("/api/assignments/{id}/answer-groups", async (string id, AnswerGroupRequest body, AnswerGroupService groups, CancellationToken ct) =>
        {
            var outcome = await groups.SetAsync(id, body, ct);
            return outcome.Rule is null ? Results.Json(new { error = outcome.Error }, statusCode: outcome.Status) : Results.Json(AnswerGroupJson.Of(outcome), statusCode: 201);
        });

        ta.MapDelete("/api/assignments/{id}/answer-groups/{rule:long}", async (string id, long rule, string? by, AnswerGroupService groups, CancellationToken ct) =>
        {
            if (OverrideRequest.Problem(new OverrideRequest(null, null, null, by)) is { } problem)
            {
                return Results.Json(new { error = problem }, statusCode: 400);
            }

            var outcome = await groups.UndoAsync(id, rule, string.IsNullOrWhiteSpace(by) ? "ta" : by.Trim(), ct);
            return outcome.Rule is null ? Results.Json(new { error = outcome.Error }, statusCode: outcome.Status) : Results.Json(AnswerGroupJson.Of(outcome));
        });
        return app;
    }

    /// <summary>The id of a question's answer-group section on the assignment page.</summary>
    public static string SectionId(string question) => "groups-" + question;
}
