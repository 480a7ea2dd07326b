using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Worker.Pages.Shared;

/// <summary>
/// Pages as endpoint results: a Razor component rendered on the server, with a status code. Each
/// page makes its own result with its typed parameters (<c>SubmissionPage.Of(...)</c>); this is the short message page.
/// </summary>
public static class PageResult
{
    /// <summary>A short page: a heading, a paragraph and a link.</summary>
    public static RazorComponentResult<MessagePage> Message(int status, string title, string heading, string? text = null, string? linkHref = null, string? linkText = null) =>
        MessagePage.Of(title, heading, text, linkHref, linkText, status);
}
