using Grader.Domain.Policy;
using Grader.Worker.Access;

namespace Grader.Worker.Course;

/// <summary>The TA routes for per-student extensions.</summary>
public static class ExtensionApi
{
    /// <summary>
    /// Maps <c>GET</c> and <c>POST /api/assignments/{id}/extensions</c> and <c>DELETE /api/assignments/{id}/extensions/{student}</c>
    /// into the TA group <paramref name="ta"/>. An extension must be later than the assignment's due date (it only gives more time).
    /// </summary>
    public static IEndpointRouteBuilder MapExtensions(this IEndpointRouteBuilder ta)
    {
        ta.MapGet("/api/assignments/{id}/extensions", async (string id, CourseRules rules, CancellationToken ct) => Results.Json(
                (await rules.ExtensionsAsync(id, ct)).Select(e => new { student = e.Student, due = e.Due, grantedBy = e.GrantedBy, grantedAt = e.GrantedAt })));
        ta.MapPost("/api/assignments/{id}/extensions", async (string id, ExtensionRequest body, AssignmentCatalog catalog, CourseRules rules,
            StudentDirectory students, CancellationToken ct) =>
            {
                if (catalog.CurrentVersion(id) is not { } version || await catalog.GetVersionAsync(version, ct) is not { } assignment)
                {
                    return Results.Json(new { error = $"unknown assignment '{id}'" }, statusCode: 404);
                }

                if (string.IsNullOrWhiteSpace(body.Student))
                {
                    return Results.Json(new { error = "say which student: {\"student\": ..., \"due\": ...}" }, statusCode: 400);
                }

                var (student, refused) = await CheckStudentAsync(body.Student.Trim(), students, ct);
                if (refused is not null)
                {
                    return Results.Json(new { error = refused }, statusCode: 400);
                }

                if (PolicyReader.ParseTime(body.Due ?? "", "due", out var error) is not { } due)
                {
                    return Results.Json(new { error }, statusCode: 400);
                }

                var at = due.At(assignment.Policy.TimeZone ?? rules.Zone);
                if (assignment.Policy.ExtensionProblem(rules.Zone, at) is { } tooEarly)
                {
                    return Results.Json(new { error = tooEarly }, statusCode: 400);
                }

                var e = await rules.GrantAsync(id, student, at, string.IsNullOrWhiteSpace(body.GrantedBy) ? "ta" : body.GrantedBy, ct);
                return Results.Json(new { assignment = id, student = e.Student, due = at, grantedBy = e.GrantedBy, grantedAt = e.GrantedAt });
            });
        ta.MapDelete("/api/assignments/{id}/extensions/{student}", async (string id, string student, AssignmentCatalog catalog, CourseRules rules,
            StudentDirectory students, CancellationToken ct) =>
            {
                if (catalog.CurrentVersion(id) is null)
                {
                    return Results.Json(new { error = $"unknown assignment '{id}'" }, statusCode: 404);
                }

                // The extension is kept under the class list's spelling when there is one (as POST stores it);
                // an id POST would refuse has none, so its refusal is not needed here (the lookup says 404).
                // Routing decodes every escape of the path but '/' (%2F, left as it came): decoded here, as the id was stored.
                var (name, _) = await CheckStudentAsync(student.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase).Trim(), students, ct);

                return await rules.RevokeAsync(id, name, ct) is { } e
                    ? Results.Json(new { assignment = id, student = e.Student, removed = true, due = e.Due, grantedBy = e.GrantedBy, grantedAt = e.GrantedAt })
                    : Results.Json(new { error = $"student '{Hardening.LogText.Escape(name, 200)}' has no extension for '{id}'" }, statusCode: 404);
            });
        return ta;
    }

    /// <summary>
    /// The student an extension is for, checked as a submission's is: at most 200 visible
    /// characters, and on the class list when there is one (then in its spelling); or why not.
    /// </summary>
    private static async Task<(string Student, string? Error)> CheckStudentAsync(string student, StudentDirectory students, CancellationToken ct)
    {
        if (Domain.Grading.StudentId.Problem(student) is { } problem)
        {
            return (student, problem);
        }

        if (await students.HasClassListAsync(ct))
        {
            return await students.FindAsync(student, ct) is { } listed
                ? (listed.StudentId, null)
                : (student, $"student '{student}' is not on the class list");
        }

        return (student, null);
    }
}
