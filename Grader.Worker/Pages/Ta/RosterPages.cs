using Grader.Worker.Access;
using Grader.Worker.Pages.Shared;
using Grader.Worker.Students;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Worker.Pages.Ta;

/// <summary>The <c>/roster</c> page for TAs and its two forms (import a CSV, reset a student's link).</summary>
public static class RosterPages
{
    /// <summary>Maps the page and its forms into the TA group.</summary>
    public static IEndpointRouteBuilder MapRosterPages(this IEndpointRouteBuilder app)
    {
        var ta = app.MapAccessGroup(AccessRule.Ta);
        ta.MapGet("/roster", async (string? message, StudentDirectory students, CancellationToken ct) =>
            RosterPage.Of(await students.ListAsync(ct), message));

        ta.MapPost("/roster/import", async (IFormFile? file, RosterService roster, CancellationToken ct) =>
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
        });

        // The page's button asks first (a page with one button that posts confirm=yes and the link it replaces); only that post replaces the link, once.
        ta.MapPost("/roster/reset-link", async Task<IResult> ([FromForm] string student, [FromForm] string? confirm, [FromForm] string? link, RosterService roster,
            StudentDirectory students, CancellationToken ct) =>
        {
            if (await roster.FindAsync(student, ct) is not { } who)
            {
                return Results.Redirect("/roster?message=" + Uri.EscapeDataString($"Student '{student}' is not on the class list."));
            }

            if (confirm != "yes")
            {
                return ConfirmPage.Of(
                    title: "New link",
                    heading: $"Replace {who.StudentId}'s link?",
                    text: $"{who.StudentId}'s current link stops working at once (and signs out every browser it signed in); send {who.StudentId} the new one.",
                    action: "/roster/reset-link",
                    button: $"Replace {who.StudentId}'s link",
                    cancelHref: "/roster",
                    cancelText: "← keep the link, back to the class list",
                    fields: [new("student", who.StudentId), new("confirm", "yes"), new("link", LinkFingerprint.Of(who.Token))]);
            }

            // The confirmation names the link it replaces: sent again (or after the link changed some other way) it is out of date.
            if (!LinkFingerprint.Matches(who.Token, link) || await roster.ReplaceLinkAsync(who, ct) is not { } s)
            {
                return RosterPage.Of(await students.ListAsync(ct), $"{who.StudentId}'s link was not replaced: this confirmation is out of date (the link has changed "
                    + "since it was asked, perhaps by this same confirmation sent twice). If a new link is still needed, press New link again.", 409);
            }

            return Results.Redirect("/roster?message=" + Uri.EscapeDataString($"New link for {s.StudentId}; the old one no longer works."));
        });
        return app;
    }

    private static async Task<string> DescribeAsync(Task<RosterImport> importing)
    {
        var import = await importing;
        var text = $"Imported: {import.Added} added, {import.Updated} updated, {import.Unchanged} unchanged.";
        return import.Warnings.Count == 0 ? text : text + " " + string.Join(" ", import.Warnings);
    }
}
