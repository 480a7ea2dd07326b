using Grader.Worker.Access;
using Grader.Worker.Hardening;

namespace Grader.Worker.Grading;

/// <summary>The regrade-request routes of the API: a student asks, TAs list and answer.</summary>
public static class RegradeRequestApi
{
    /// <summary>
    /// Maps <c>POST /api/submissions/{id}/regrade-requests</c>, <c>GET /api/assignments/{id}/regrade-requests</c>
    /// and <c>POST /api/regrade-requests/{rid}/answer</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapRegradeRequestApi(this IEndpointRouteBuilder app)
    {
        app.MapAccessGroup(AccessRule.ReceiptOrOwner).MapPost("/api/submissions/{id:long}/regrade-requests", async (long id, RegradeAsk body, HttpContext http, RegradeRequestService requests, CancellationToken ct) =>
        {
            var (submission, status, error) = await RegradeRequestAccess.OwnedAsync(http, id, ct);
            if (submission is null)
            {
                return Results.Json(new { error }, statusCode: status);
            }

            var outcome = await requests.AskAsync(submission, body.Question, body.Comment, ct);
            return outcome.Request is { } r
                ? Results.Json(RegradeRequestJson.Of(r), statusCode: 201)
                : Results.Json(new { error = outcome.Error }, statusCode: outcome.Status);
        });

        var ta = app.MapAccessGroup(AccessRule.Ta);
        ta.MapGet("/api/assignments/{id}/regrade-requests", async (string id, string? status, RegradeRequestService requests, CancellationToken ct) =>
            {
                if (status is not (null or "" or "open" or "answered"))
                {
                    return Results.Json(new { error = $"status must be open or answered, got '{LogText.Escape(status, 40)}'" }, statusCode: 400);
                }

                bool? answered = status is "open" ? false : status is "answered" ? true : null;
                return Results.Json((await requests.ListAsync(id, answered, ct)).Select(RegradeRequestJson.Of));
            });

        ta.MapPost("/api/regrade-requests/{rid:long}/answer", async (long rid, RegradeAnswer body, RegradeRequestService requests, CancellationToken ct) =>
            {
                if (OverrideRequest.Problem(new OverrideRequest(null, null, null, body.By)) is { } problem)
                {
                    return Results.Json(new { error = problem }, statusCode: 400);
                }

                var outcome = await requests.AnswerAsync(rid, body.Reply, body.Score, string.IsNullOrWhiteSpace(body.By) ? "ta" : body.By.Trim(), ct);
                return outcome.Request is { } r
                    ? Results.Json(RegradeRequestJson.Of(r))
                    : Results.Json(new { error = outcome.Error }, statusCode: outcome.Status);
            });
        return app;
    }
}
