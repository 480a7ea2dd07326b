using System.Globalization;
using Grader.Worker.Pages.Shared;
using Grader.Worker.Reports;
using Grader.Worker.Service;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Worker.GroupGrading;

/// <summary>
/// Grading by answer group, for TAs: <c>GET /api/assignments/{id}/answer-groups[?question=Q]</c>,
/// <c>POST /api/assignments/{id}/answer-groups</c> (a score for a group) and
/// <c>DELETE /api/assignments/{id}/answer-groups/{rule}?by=NAME</c> (undo); and the assignment
/// page's forms, <c>POST /assignments/{id}/answer-groups</c> and
/// <c>POST /assignments/{id}/answer-groups/{rule}/undo</c> (antiforgery token; back to the page).
/// </summary>
public static class AnswerGroupApi
{
    /// <summary>Maps the API routes and the page forms.</summary>
    public static WebApplication MapAnswerGroups(this WebApplication app)
    {
        app.MapGet("/api/assignments/{id}/answer-groups", (string id, string? question, HttpContext http, TaTokenStore tokens, AnswerGroupService groups, CancellationToken ct) =>
            ReportEndpoints.ForTa(http, tokens, async () => await groups.ListAsync(id, question, ct) is { } list
                ? Results.Json(list.Select(AnswerGroupJson.Of))
                : Results.Json(new { error = $"unknown assignment '{Hardening.LogText.Escape(id, 100)}'" }, statusCode: 404)));

        app.MapPost("/api/assignments/{id}/answer-groups", (string id, AnswerGroupRequest body, HttpContext http, TaTokenStore tokens, AnswerGroupService groups, CancellationToken ct) =>
            ReportEndpoints.ForTa(http, tokens, async () =>
            {
                var outcome = await groups.SetAsync(id, body, ct);
                return outcome.Rule is null ? Results.Json(new { error = outcome.Error }, statusCode: outcome.Status) : Results.Json(AnswerGroupJson.Of(outcome), statusCode: 201);
            }));

        app.MapDelete("/api/assignments/{id}/answer-groups/{rule:long}", (string id, long rule, string? by, HttpContext http, TaTokenStore tokens, AnswerGroupService groups, CancellationToken ct) =>
            ReportEndpoints.ForTa(http, tokens, async () =>
            {
                if (OverrideRequest.Problem(new OverrideRequest(null, null, null, by)) is { } problem)
                {
                    return Results.Json(new { error = problem }, statusCode: 400);
                }

                var outcome = await groups.UndoAsync(id, rule, string.IsNullOrWhiteSpace(by) ? "ta" : by.Trim(), ct);
                return outcome.Rule is null ? Results.Json(new { error = outcome.Error }, statusCode: outcome.Status) : Results.Json(AnswerGroupJson.Of(outcome));
            }));

        app.MapPost("/assignments/{id}/answer-groups", (string id, [FromForm] string? question, [FromForm] string? key, [FromForm] string? score, [FromForm] string? comment,
            [FromForm] string? by, HttpContext http, TaTokenStore tokens, AnswerGroupService groups, CancellationToken ct) =>
            ReportEndpoints.ForTa(http, tokens, async () =>
            {
                if (!double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    return Refused(id, 400, "The score must be a number (e.g. 0.5).");
                }

                var outcome = await groups.SetAsync(id, new AnswerGroupRequest(question, key, value, comment, by), ct);
                return outcome.Rule is { } r ? Results.Redirect(PageOf(id, r.QuestionId)) : Refused(id, outcome.Status, outcome.Error!);
            }));

        app.MapPost("/assignments/{id}/answer-groups/{rule:long}/undo", (string id, long rule, [FromForm] string? by, HttpContext http, TaTokenStore tokens, AnswerGroupService groups, CancellationToken ct) =>
            ReportEndpoints.ForTa(http, tokens, async () =>
            {
                if (OverrideRequest.Problem(new OverrideRequest(null, null, null, by)) is { } problem)
                {
                    return Refused(id, 400, problem);
                }

                var outcome = await groups.UndoAsync(id, rule, string.IsNullOrWhiteSpace(by) ? "ta" : by.Trim(), ct);
                return outcome.Rule is { } r ? Results.Redirect(PageOf(id, r.QuestionId)) : Refused(id, outcome.Status, outcome.Error!);
            }));
        return app;
    }

    /// <summary>The id of a question's answer-group section on the assignment page.</summary>
    public static string SectionId(string question) => "groups-" + question;

    private static string PageOf(string id, string question) => $"/assignments/{Uri.EscapeDataString(id)}#{Uri.EscapeDataString(SectionId(question))}";

    private static IResult Refused(string id, int status, string error) =>
        PageResult.Message(status, "Answer groups", "The group's score was not changed", error, $"/assignments/{Uri.EscapeDataString(id)}", "← the assignment");
}
