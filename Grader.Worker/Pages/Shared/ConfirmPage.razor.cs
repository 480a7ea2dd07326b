using Microsoft.AspNetCore.Http.HttpResults;

namespace Grader.Worker.Pages.Shared;

/// <summary>A question with one button that posts (with the antiforgery token) and a way back.</summary>
public partial class ConfirmPage
{
    /// <summary>The page as an endpoint's result, its parameters named and typed by the compiler.</summary>
    /// <param name="title">Its <see cref="Title"/>.</param>
    /// <param name="heading">Its <see cref="Heading"/>.</param>
    /// <param name="text">Its <see cref="Text"/>.</param>
    /// <param name="action">Its <see cref="Action"/>.</param>
    /// <param name="button">Its <see cref="Button"/>.</param>
    /// <param name="cancelHref">Its <see cref="CancelHref"/>.</param>
    /// <param name="cancelText">Its <see cref="CancelText"/>.</param>
    /// <param name="fields">Its <see cref="Fields"/> (none when null).</param>
    /// <param name="status">The HTTP status.</param>
    public static RazorComponentResult<ConfirmPage> Of(
        string title,
        string heading,
        string? text,
        string action,
        string button,
        string? cancelHref,
        string? cancelText,
        IReadOnlyList<KeyValuePair<string, string>>? fields = null,
        int status = 200) =>
        new(new Dictionary<string, object?>
        {
            [nameof(Title)] = title,
            [nameof(Heading)] = heading,
            [nameof(Text)] = text,
            [nameof(Action)] = action,
            [nameof(Button)] = button,
            [nameof(CancelHref)] = cancelHref,
            [nameof(CancelText)] = cancelText,
            [nameof(Fields)] = fields ?? [],
        })
        { StatusCode = status };
}
