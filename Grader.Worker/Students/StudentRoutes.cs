using Grader.Domain.Output;
using Grader.Worker.Access;

namespace Grader.Worker.Students;

/// <summary>The student's JSON route: the handout (the student's own values and rules) at <c>/api/me/assignments/{id}</c>.</summary>
public static class StudentRoutes
{
    /// <summary>Maps the handout route into the student group.</summary>
    public static IEndpointRouteBuilder MapStudents(this IEndpointRouteBuilder app)
    {
        app.MapAccessGroup(AccessRule.Student)
            .MapGet("/api/me/assignments/{id}", HandoutJsonAsync)
            .WithMetadata(new JsonRefusal("a student token is needed: Authorization: Bearer TOKEN (the token of your personal link)"));
        app.MapRoster();
        return app;
    }

    private static async Task<IResult> HandoutJsonAsync(string id, HttpContext http, HandoutService handouts, StudentRulesService rules, CancellationToken ct)
    {
        var student = AccessGate.StudentOf(http);
        return await handouts.ForAsync(id, student.StudentId, ct) is { } handout
            ? Results.Text(HandoutJson.Write(handout, await rules.ForAsync(id, student.StudentId, ct)), "application/json")
            : Results.Json(new { error = $"unknown assignment '{id}'" }, statusCode: 404);
    }
}
