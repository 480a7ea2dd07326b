using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Worker.Pages.Shared;

/// <summary>A short page: a heading, a paragraph and a link.</summary>
public partial class MessagePage
{
    /// <summary>The page as an endpoint's result, its parameters named and typed by the compiler.</summary>
    /// <param name="title">Its <see cref="Title"/>.</param>
    /// <param name="heading">Its <see cref="Heading"/>.</param>
    /// <param name="text">Its <see cref="Text"/>.</param>
    /// <param name="linkHref">Its <see cref="LinkHref"/>.</param>
    /// <param name="linkText">Its <see cref="LinkText"/>.</param>
    /// <param name="status">The HTTP status.</param>
    public static RazorComponentResult<MessagePage> Of(
        string title,
        string heading,
        string? text,
        string? linkHref,
        string? linkText,
        int status = 200) =>
        new(new Dictionary<string, object?>
        {
            [nameof(Title)] = title,
            [nameof(Heading)] = heading,
            [nameof(Text)] = text,
            [nameof(LinkHref)] = linkHref,
            [nameof(LinkText)] = linkText,
        })
        { StatusCode = status };
}
