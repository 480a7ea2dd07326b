using Grader.Worker.Access;
using Grader.Worker.Hardening;
using Grader.Worker.Settings;

namespace Grader.Worker.Students;

/// <summary>
/// The class list for TAs over HTTP (TA token needed): <c>GET /api/roster</c>, <c>POST /api/roster</c>
/// (a CSV body or upload) and <c>POST /api/roster/{student}/reset-link</c>. The <c>/roster</c> page
/// with the same as forms is in <c>Pages/Ta/RosterPages.cs</c>.
/// </summary>
public static class RosterRoutes
{
    /// <summary>Maps the roster API into the TA group.</summary>
    public static IEndpointRouteBuilder MapRoster(this IEndpointRouteBuilder app)
    {
        var ta = app.MapAccessGroup(AccessRule.Ta);
        ta.MapGet("/api/roster", async (StudentDirectory students, ServiceLinks links, CancellationToken ct) =>
            Results.Json(RosterJson.Entries(await students.ListAsync(ct), links.BaseUrl)));

        ta.MapPost("/api/roster", async (HttpRequest request, RosterService roster, CancellationToken ct) =>
        {
            byte[] bytes;
            string name;
            try
            {
                (bytes, name) = await ReadCsvAsync(request, ct);
            }
            catch (Exception ex) when (RequestShield.IsBodyFault(ex, ct))
            {
                var (status, error) = RequestShield.BodyRefusal(ex);
                return Results.Json(new { error }, statusCode: status);
            }

            var file = RosterCsv.Read(bytes, name);
            if (file.Error is not null)
            {
                return Results.Json(new { error = file.Error }, statusCode: 400);
            }

            var import = await roster.ImportAsync(file, ct);
            return Results.Json(new { added = import.Added, updated = import.Updated, unchanged = import.Unchanged, warnings = import.Warnings });
        });

        ta.MapPost("/api/roster/{student}/reset-link", async (string student, RosterService roster, CancellationToken ct) =>
            await roster.ResetLinkAsync(student, ct) is { } s
                ? Results.Json(new { student = s.StudentId, token = s.Token, link = s.Link })
                : Results.Json(new { error = $"student '{student}' is not on the class list" }, statusCode: 404));
        return app;
    }

    private static async Task<(byte[] Bytes, string Name)> ReadCsvAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.FirstOrDefault() is { } upload)
            {
                await upload.CopyToAsync(buffer, ct);
                return (buffer.ToArray(), upload.FileName);
            }

            return ([], "the upload");
        }

        await request.Body.CopyToAsync(buffer, ct);
        return (buffer.ToArray(), "the class list");
    }
}
