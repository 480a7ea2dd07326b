using System.Globalization;
using Grader.Worker.Access;
using Grader.Worker.Course;
using Grader.Worker.Grading;
using Grader.Worker.Hardening;
using Grader.Worker.Pages.Shared;
using Grader.Worker.Reports;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Worker.Pages.Ta;

/// <summary>
/// Regrade requests on the pages: the student's form on the report (<c>POST /submissions/{id}/regrade-requests</c>),
/// the TA's page <c>/assignments/{id}/regrade-requests</c> and its answer form (<c>POST /regrade-requests/{rid}/answer</c>).
/// The forms carry the framework's antiforgery token; refusals are pages.
/// </summary>
public static class RegradeRequestPages
{
    /// <summary>Maps the page and the two forms.</summary>
    public static IEndpointRouteBuilder MapRegradeRequestPages(this IEndpointRouteBuilder app)
    {
        app.MapAccessGroup(AccessRule.ReceiptOrOwner).MapPost("/submissions/{id:long}/regrade-requests", async (long id, [FromForm] string? question, [FromForm] string? comment, HttpContext http,
            RegradeRequestService requests, CancellationToken ct) =>
        {
            var (submission, status, error) = await RegradeRequestAccess.OwnedAsync(http, id, ct);
            var outcome = submission is null ? RegradeRequestOutcome.Refused(status, error!) : await requests.AskAsync(submission, question, comment, ct);
            if (outcome.Request is null)
            {
                return PageResult.Message(outcome.Status, "Regrade request", "The regrade request was not taken", outcome.Error, $"/submissions/{id}{ReceiptQuery(http)}", "← the report");
            }

            return Results.Redirect($"/submissions/{id}{ReceiptQuery(http)}#regrades-heading");
        });

        var ta = app.MapAccessGroup(AccessRule.Ta);
        ta.MapGet("/assignments/{id}/regrade-requests", async Task<IResult> (string id, RegradeRequestService requests, AssignmentCatalog catalog, ClassRecords records,
            CancellationToken ct) =>
            {
                if (!await Gradebooks.IsKnownAsync(id, records, catalog, ct))
                {
                    return PageResult.Message(404, "Not found", $"No assignment '{LogText.Escape(id, 100)}'", linkHref: "/", linkText: "← assignments");
                }

                return await RequestsPageAsync(id, requests, catalog, null, 200, ct);
            });

        ta.MapPost("/regrade-requests/{rid:long}/answer", async Task<IResult> (long rid, [FromForm] string? reply, [FromForm] string? score, [FromForm] string? by,
            RegradeRequestService requests, AssignmentCatalog catalog, CancellationToken ct) =>
            {
                var outcome = await AnswerAsync(rid, reply, score, by, requests, ct);
                if (outcome.Request is { } r)
                {
                    return Results.Redirect($"/assignments/{Uri.EscapeDataString(r.AssignmentId)}/regrade-requests");
                }

                // Refused: back on the requests page, the reason above the request's form and what was typed still in it.
                return await requests.FindAsync(rid, ct) is { } request
                    ? await RequestsPageAsync(request.AssignmentId, requests, catalog, new RegradeAnswerDraft(rid, outcome.Error!, reply, score, by), outcome.Status, ct)
                    : PageResult.Message(outcome.Status, "Regrade request", "The answer was not taken", outcome.Error, "/", "← assignments");
            });
        return app;
    }

    /// <summary>Checks the answer form's fields and answers the request (a score is a manual override).</summary>
    private static async Task<RegradeRequestOutcome> AnswerAsync(long rid, string? reply, string? score, string? by, RegradeRequestService requests, CancellationToken ct)
    {
        double? value = null;
        if (!string.IsNullOrWhiteSpace(score))
        {
            if (!double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed))
            {
                return RegradeRequestOutcome.Refused(400, "the score must be a number (e.g. 0.5), or empty to keep the score");
            }

            value = parsed;
        }

        if (OverrideRequest.Problem(new OverrideRequest(null, null, null, by)) is { } problem)
        {
            return RegradeRequestOutcome.Refused(400, problem);
        }

        return await requests.AnswerAsync(rid, reply, value, string.IsNullOrWhiteSpace(by) ? "ta" : by.Trim(), ct);
    }

    /// <summary>The assignment's requests page, with a refused answer's reason and draft when there is one.</summary>
    private static async Task<IResult> RequestsPageAsync(string id, RegradeRequestService requests, AssignmentCatalog catalog, RegradeAnswerDraft? draft, int status,
        CancellationToken ct)
    {
        var all = await requests.ListAsync(id, null, ct);
        var assignment = catalog.CurrentVersion(id) is { } v ? await catalog.GetVersionAsync(v, ct) : null;
        return RegradeRequestsPage.Of(
            assignmentId: id,
            rule: assignment?.Policy.Regrades.Describe() ?? "never",
            open: [.. all.Where(r => r.AnsweredAt is null)],
            answered: [.. all.Where(r => r.AnsweredAt is not null)],
            points: assignment?.Questions.ToDictionary(q => q.Id, q => q.Points(assignment.Defaults)) ?? [],
            draft: draft,
            status: status);
    }

    private static string ReceiptQuery(HttpContext http) =>
        http.Request.Query["receipt"].FirstOrDefault() is { Length: > 0 } r ? "?receipt=" + Uri.EscapeDataString(r) : "";
}
