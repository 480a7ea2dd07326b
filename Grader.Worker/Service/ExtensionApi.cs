using Grader.Domain.Policy;

namespace Grader.Worker.Service;

/// <summary>The TA routes for per-student extensions.</summary>
public static class ExtensionApi
{
    /// <summary>Maps <c>GET</c> and <c>POST /api/assignments/{id}/extensions</c>.</summary>
    public static WebApplication MapExtensions(this WebApplication app)
    {
        app.MapGet("/api/assignments/{id}/extensions", (string id, HttpContext http, Reports.TaTokenStore tokens, CourseRules rules, CancellationToken ct) =>
            Reports.ReportEndpoints.ForTa(http, tokens, async () => Results.Json(
                (await rules.ExtensionsAsync(id, ct)).Select(e => new { student = e.Student, due = e.Due, grantedBy = e.GrantedBy, grantedAt = e.GrantedAt }))));
        app.MapPost("/api/assignments/{id}/extensions", (string id, ExtensionRequest body, HttpContext http, Reports.TaTokenStore tokens, AssignmentCatalog catalog, CourseRules rules, CancellationToken ct) =>
            Reports.ReportEndpoints.ForTa(http, tokens, async () =>
            {
                if (catalog.CurrentVersion(id) is not { } version || await catalog.GetVersionAsync(version, ct) is not { } assignment)
                {
                    return Results.Json(new { error = $"unknown assignment '{id}'" }, statusCode: 404);
                }

                if (string.IsNullOrWhiteSpace(body.Student))
                {
                    return Results.Json(new { error = "say which student: {\"student\": ..., \"due\": ...}" }, statusCode: 400);
                }

                if (PolicyReader.ParseTime(body.Due ?? "", "due", out var error) is not { } due)
                {
                    return Results.Json(new { error }, statusCode: 400);
                }

                var at = due.At(assignment.Policy.TimeZone ?? rules.Zone);
                var e = await rules.GrantAsync(id, body.Student, at, string.IsNullOrWhiteSpace(body.GrantedBy) ? "ta" : body.GrantedBy, ct);
                return Results.Json(new { assignment = id, student = e.Student, due = at, grantedBy = e.GrantedBy, grantedAt = e.GrantedAt });
            }));
        return app;
    }
}
