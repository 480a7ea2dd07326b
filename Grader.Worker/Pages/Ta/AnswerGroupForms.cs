using System.Globalization;
using Grader.Worker.Access;
using Grader.Worker.Grading;
using Grader.Worker.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Worker.Pages.Ta;

/// <summary>
/// The assignment page's answer-group forms, <c>POST /assignments/{id}/answer-groups</c> and
/// <c>POST /assignments/{id}/answer-groups/{rule}/undo</c> (antiforgery token; back to the page).
/// </summary>
public static class AnswerGroupForms
{
    /// <summary>Maps the two forms in the TA group.</summary>
    public static IEndpointRouteBuilder MapAnswerGroupForms(this IEndpointRouteBuilder app)
    {
        var ta = app.MapAccessGroup(AccessRule.Ta);
        ta.MapPost("/assignments/{id}/answer-groups", async (string id, [FromForm] string? question, [FromForm] string? key, [FromForm] string? score, [FromForm] string? comment,
            [FromForm] string? by, AnswerGroupService groups, CancellationToken ct) =>
        {
            if (!double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                return Refused(id, 400, "The score must be a number (e.g. 0.5).");
            }

            var outcome = await groups.SetAsync(id, new AnswerGroupRequest(question, key, value, comment, by), ct);
            return outcome.Rule is { } r ? Results.Redirect(PageOf(id, r.QuestionId)) : Refused(id, outcome.Status, outcome.Error!);
        });

        ta.MapPost("/assignments/{id}/answer-groups/{rule:long}/undo", async (string id, long rule, [FromForm] string? by, AnswerGroupService groups, CancellationToken ct) =>
        {
            if (OverrideRequest.Problem(new OverrideRequest(null, null, null, by)) is { } problem)
            {
                return Refused(id, 400, problem);
            }

            var outcome = await groups.UndoAsync(id, rule, string.IsNullOrWhiteSpace(by) ? "ta" : by.Trim(), ct);
            return outcome.Rule is { } r ? Results.Redirect(PageOf(id, r.QuestionId)) : Refused(id, outcome.Status, outcome.Error!);
        });
        return app;
    }

    private static string PageOf(string id, string question) => $"/assignments/{Uri.EscapeDataString(id)}#{Uri.EscapeDataString(AnswerGroupApi.SectionId(question))}";

    private static IResult Refused(string id, int status, string error) =>
        PageResult.Message(status, "Answer groups", "The group's score was not changed", error, $"/assignments/{Uri.EscapeDataString(id)}", "← the assignment");
}
