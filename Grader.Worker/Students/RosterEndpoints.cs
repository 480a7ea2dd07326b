using Grader.Worker.Access;
using Grader.Worker.Hardening;
using Grader.Worker.Pages.Shared;
using Grader.Worker.Pages.Ta;
using Grader.Worker.Settings;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Worker.Students;

/// <summary>
/// The class list for TAs over HTTP (TA token needed): <c>GET /api/roster</c>, <c>POST /api/roster</c>
/// (a CSV body or upload), <c>POST /api/roster/{student}/reset-link</c>, and the <c>/roster</c> page
/// with the same as forms.
/// </summary>
public static class RosterEndpoints
{
    /// <summary>Maps the roster routes.</summary>
    public static WebApplication MapRosterRoutes(this WebApplication app)
    {
        app.MapGet("/api/roster", (HttpContext http, TaTokenStore tokens, StudentDirectory students, ServiceLinks links, CancellationToken ct) =>
            ReportEndpoints.ForTa(http, tokens, async () => Results.Json(RosterJson.Entries(await students.ListAsync(ct), links.BaseUrl))));

        app.MapPost("/api/roster", (HttpContext http, TaTokenStore tokens, RosterService roster, CancellationToken ct) =>
            ReportEndpoints.ForTa(http, tokens, async () =>
            {
                byte[] bytes;
                string name;
                try
                {
                    (bytes, name) = await ReadCsvAsync(http.Request, ct);
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
            }));

        app.MapPost("/api/roster/{student}/reset-link", (string student, HttpContext http, TaTokenStore tokens, RosterService roster, CancellationToken ct) =>
            ReportEndpoints.ForTa(http, tokens, async () => await roster.ResetLinkAsync(student, ct) is { } s
                ? Results.Json(new { student = s.StudentId, token = s.Token, link = s.Link })
                : Results.Json(new { error = $"student '{student}' is not on the class list" }, statusCode: 404)));

        app.MapGet("/roster", (string? message, HttpContext http, TaTokenStore tokens, StudentDirectory students, CancellationToken ct) =>
            ReportEndpoints.ForTa(http, tokens, async () => PageResult.Of<RosterPage>(new { Students = await students.ListAsync(ct), Message = message })));

        app.MapPost("/roster/import", (IFormFile? file, HttpContext http, TaTokenStore tokens, RosterService roster, CancellationToken ct) =>
            ReportEndpoints.ForTa(http, tokens, async () =>
            {
                if (file is null)
                {
                    return Results.Redirect("/roster?message=" + Uri.EscapeDataString("Choose a CSV file to import."));
                }

                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                var read = RosterCsv.Read(buffer.ToArray(), file.FileName);
                var message = read.Error ?? await DescribeAsync(roster.ImportAsync(read, ct));
                return Results.Redirect("/roster?message=" + Uri.EscapeDataString(message));
            }));

        app.MapPost("/roster/reset-link", ([FromForm] string student, HttpContext http, TaTokenStore tokens, RosterService roster, CancellationToken ct) =>
            ReportEndpoints.ForTa(http, tokens, async () =>
            {
                var s = await roster.ResetLinkAsync(student, ct);
                var message = s is null ? $"Student '{student}' is not on the class list." : $"New link for {s.StudentId}; the old one no longer works.";
                return Results.Redirect("/roster?message=" + Uri.EscapeDataString(message));
            }));
        return app;
    }

    private static async Task<string> DescribeAsync(Task<RosterImport> importing)
    {
        var import = await importing;
        var text = $"Imported: {import.Added} added, {import.Updated} updated, {import.Unchanged} unchanged.";
        return import.Warnings.Count == 0 ? text : text + " " + string.Join(" ", import.Warnings);
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
