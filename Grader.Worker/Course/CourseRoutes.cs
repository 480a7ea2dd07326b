using Grader.Worker.Access;

namespace Grader.Worker.Course;

/// <summary>The course's routes: the assignment ids (open), and for TAs publishing the assignments folder and extensions.</summary>
public static class CourseRoutes
{
    /// <summary>Maps <c>GET /api/assignments</c>, <c>POST /api/assignments/publish</c> and the extension routes.</summary>
    public static IEndpointRouteBuilder MapCourse(this IEndpointRouteBuilder app)
    {
        // The ids of the loaded assignments are open, as they always were (a student's file names one).
        app.MapAccessGroup(AccessRule.Anyone).MapGet("/api/assignments", (AssignmentCatalog catalog) => Results.Json(catalog.Ids));
        var ta = app.MapAccessGroup(AccessRule.Ta);
        ta.MapPost("/api/assignments/publish", Publish);
        ta.MapExtensions();
        return app;
    }

    private static async Task<IResult> Publish(AssignmentCatalog catalog, CancellationToken ct)
    {
        var result = await catalog.ReloadAsync(ct);
        return Results.Json(
            new
            {
                published = result.Published,
                unchanged = result.Unchanged,
                refused = result.Refused.Select(p => new { file = Path.GetFileName(p.File), assignment = p.AssignmentId, problems = p.Problems }),
            },
            statusCode: result.Ok ? 200 : 422);
    }
}
