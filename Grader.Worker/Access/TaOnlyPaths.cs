
namespace Grader.Worker.Access;

/// <summary>
/// Refuses every request under a path (the Hangfire Dashboard) that is not a TA's, in JSON:
/// 403 for a signed-in student or another credential, 401 with none. The dashboard's own filter
/// (<see cref="TaDashboardAuthorization"/>) answers 401 to everyone, with no body.
/// </summary>
public static class TaOnlyPaths
{
    /// <summary>Adds the check for requests under <paramref name="path"/>.</summary>
    public static WebApplication UseTaOnly(this WebApplication app, string path)
    {
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments(path))
            {
                await next(http);
                return;
            }

            var access = Credentials.Of(http, http.RequestServices.GetRequiredService<TaTokenStore>());
            if (access.IsTa)
            {
                await next(http);
                return;
            }

            var student = await http.RequestServices.GetRequiredService<StudentSignIn>().StudentAsync(http.Request, ct: http.RequestAborted);
            var refused = access with { IsStudent = student is not null };
            http.Response.StatusCode = refused.HasCredential ? 403 : 401;
            await http.Response.WriteAsJsonAsync(new
            {
                error = refused.HasCredential
                    ? "the grading queue's dashboard is for TAs; this credential does not open it"
                    : "the grading queue's dashboard needs the TA token (open it once with ?token=, or send Authorization: Bearer)",
            });
        });
        return app;
    }
}
