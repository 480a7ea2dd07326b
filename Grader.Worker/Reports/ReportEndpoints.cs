using Grader.Domain.Reports;
using Grader.Worker.Service;

namespace Grader.Worker.Reports;

/// <summary>The TA pages and gradebook exports, on the service's own listener.</summary>
public static class ReportEndpoints
{
    /// <summary>Maps <c>/</c>, <c>/assignments/{id}</c>, <c>/submissions/{id}</c> and the gradebook exports.</summary>
    public static WebApplication MapReportPages(this WebApplication app)
    {
        app.MapGet("/", async (HttpContext http, TaTokenStore tokens, ClassRecords records, CancellationToken ct) =>
            Access.Of(http, tokens) is { IsTa: true } ? Results.Content(Pages.Home(await records.AssignmentsAsync(ct)), "text/html") : Refuse(http, tokens));

        app.MapGet("/assignments/{id}", async (string id, HttpContext http, TaTokenStore tokens, ClassRecords records, AssignmentCatalog catalog, CancellationToken ct) =>
        {
            if (!Access.Of(http, tokens).IsTa)
            {
                return Refuse(http, tokens);
            }

            var rows = await records.SubmissionsAsync(id, ct);
            var title = catalog.CurrentVersion(id) is { } v ? (await catalog.GetVersionAsync(v, ct))?.Title : null;
            if (title is null && rows.Count == 0)
            {
                return Results.Content(Html.Page("Not found", $"<h1>No assignment '{Html.E(id)}'</h1>"), "text/html", statusCode: 404);
            }

            var stats = ClassStatistics.Of([.. (await records.LatestReportsAsync(id, ct)).Select(r => r.Report)]);
            return Results.Content(Pages.Assignment(id, title ?? id, rows, stats), "text/html");
        });

        app.MapGet("/submissions/{id:long}", async (long id, HttpContext http, TaTokenStore tokens, ClassRecords records, AssignmentCatalog catalog, CancellationToken ct) =>
        {
            var access = Access.Of(http, tokens);
            if (!access.HasCredential)
            {
                return Refuse(http, tokens);
            }

            var found = await records.SubmissionAsync(id, ct);
            if (found is not { } f || !access.MayRead(f.Submission.ReceiptToken))
            {
                return found is null && access.IsTa
                    ? Results.Content(Html.Page("Not found", $"<h1>No submission {id}</h1>"), "text/html", statusCode: 404)
                    : Results.Content(Pages.Refused(403), "text/html", statusCode: 403);
            }

            var assignment = f.Submission.AssignmentVersionId is { } v ? await catalog.GetVersionAsync(v, ct) : null;
            return Results.Content(Pages.Submission(f.Submission, f.Report, assignment, access.IsTa), "text/html");
        });

        app.MapGet("/assignments/{id}/gradebook.csv", async (string id, HttpContext http, TaTokenStore tokens, ClassRecords records, AssignmentCatalog catalog, CancellationToken ct) =>
            Access.Of(http, tokens).IsTa
                ? Results.File(System.Text.Encoding.UTF8.GetBytes((await BuildAsync(id, records, catalog, ct)).ToCsv()), "text/csv; charset=utf-8", $"{id}-gradebook.csv")
                : Refuse(http, tokens));

        app.MapGet("/assignments/{id}/gradebook.json", async (string id, HttpContext http, TaTokenStore tokens, ClassRecords records, AssignmentCatalog catalog, CancellationToken ct) =>
            Access.Of(http, tokens).IsTa
                ? Results.Content((await BuildAsync(id, records, catalog, ct)).ToJson(), "application/json")
                : Refuse(http, tokens));
        return app;
    }

    /// <summary>The gradebook of an assignment, questions in the assignment's order.</summary>
    public static async Task<Gradebook> BuildAsync(string id, ClassRecords records, AssignmentCatalog catalog, CancellationToken ct)
    {
        var assignment = catalog.CurrentVersion(id) is { } v ? await catalog.GetVersionAsync(v, ct) : null;
        return Gradebook.Of(id, await records.LatestReportsAsync(id, ct), assignment?.Questions.Select(q => q.Id) ?? []);
    }

    private static IResult Refuse(HttpContext http, TaTokenStore tokens)
    {
        var status = Access.Of(http, tokens).HasCredential ? 403 : 401;
        return http.Request.Path.StartsWithSegments("/api") || http.Request.Path.Value!.EndsWith(".csv") || http.Request.Path.Value!.EndsWith(".json")
            ? Results.Json(new { error = status == 401 ? "a TA token is needed" : "this credential does not open this resource" }, statusCode: status)
            : Results.Content(Pages.Refused(status), "text/html", statusCode: status);
    }
}
