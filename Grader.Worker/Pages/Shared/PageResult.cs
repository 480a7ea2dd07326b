using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Worker.Pages.Shared;

/// <summary>Pages as endpoint results: a Razor component rendered on the server, with a status code.</summary>
public static class PageResult
{
    /// <summary>The component <typeparamref name="T"/> with these parameters (an anonymous object or a dictionary).</summary>
    public static RazorComponentResult<T> Of<T>(object parameters, int status = 200)
        where T : IComponent => new(parameters) { StatusCode = status };

    /// <summary>A short page: a heading, a paragraph and a link.</summary>
    public static RazorComponentResult<MessagePage> Message(int status, string title, string heading, string? text = null, string? linkHref = null, string? linkText = null) =>
        Of<MessagePage>(new { Title = title, Heading = heading, Text = text, LinkHref = linkHref, LinkText = linkText }, status);
}
