using Grader.Worker.Access;
using Grader.Worker.Course;
using Grader.Worker.Hardening;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Reports;

/// <summary>The reports' JSON routes: a submission's status and report, and an assignment's gradebook exports.</summary>
public static class ReportRoutes
{
    /// <summary>Maps <c>GET /api/submissions/{id}</c> (TA or the submission's receipt) and the gradebook exports (TA).</summary>
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapAccessGroup(AccessRule.TaOrReceipt).MapGet("/api/submissions/{id:long}", GetSubmission);
        var ta = app.MapAccessGroup(AccessRule.Ta);
        ta.MapGet("/assignments/{id}/gradebook.csv", async (string id, ClassRecords records, StandingStore standings, AssignmentCatalog catalog, StudentDirectory students, IOptions<GradebookOptions> gradebook, CancellationToken ct) =>
            await Gradebooks.IsKnownAsync(id, records, catalog, ct)
                ? Results.Stream(s => GradebookExport.CsvAsync(s, id, standings, records, catalog, students, gradebook.Value, ct), "text/csv; charset=utf-8", $"{id}-gradebook.csv")
                : UnknownAssignment(id));
        ta.MapGet("/assignments/{id}/gradebook.json", async (string id, ClassRecords records, StandingStore standings, AssignmentCatalog catalog, StudentDirectory students, IOptions<GradebookOptions> gradebook, CancellationToken ct) =>
            await Gradebooks.IsKnownAsync(id, records, catalog, ct)
                ? Results.Stream(s => GradebookExport.JsonAsync(s, id, standings, records, catalog, students, gradebook.Value, ct), "application/json")
                : UnknownAssignment(id));
        return app;
    }

    private static async Task<IResult> GetSubmission(long id, HttpContext http, SubmissionViews views, AssignmentCatalog catalog, CancellationToken ct)
    {
        var (view, refused) = await views.ReadAsync(id, AccessGate.CredentialsOf(http), http.Request, withAudit: false, ct);
        if (view is null)
        {
            return refused!;
        }

        var s = view.Submission;
        var current = view.Current;
        return Results.Json(new
        {
            id = s.Id,
            status = s.Status.ToString().ToLowerInvariant(),
            assignment = s.AssignmentId,
            student = s.Student,
            receivedAt = s.ReceivedAt,
            gradedAt = current?.GradedAt,
            reason = s.Reason,
            score = current?.Score,
            maxScore = current?.MaxScore,
            report = view.Report is null ? null : new ReportJson(view.Report),
            history = view.History.Select(g => new { generation = g.Generation, score = g.Score, maxScore = g.MaxScore, gradedAt = g.GradedAt, current = g.IsCurrent, assignmentVersion = g.AssignmentVersionId }),
            gradedAgainstCurrentVersion = current is null || s.AssignmentId is null ? (bool?)null : catalog.CurrentVersion(s.AssignmentId) == current.AssignmentVersionId,
        });
    }

    private static IResult UnknownAssignment(string id) =>
        Results.Json(new { error = $"unknown assignment '{LogText.Escape(id, 100)}'" }, statusCode: 404);
}
