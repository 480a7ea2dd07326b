using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Grader.Worker.Students;

/// <summary>
/// A posted form's name/value pairs with their names as sent. The framework's form collection
/// compares names ignoring case, so the answers to <c>grad-w</c> and <c>grad-W</c> would merge
/// into one field; the answer form reads the (buffered, already validated) body again here.
/// </summary>
public static class CaseSensitiveForm
{
    /// <summary>
    /// Every pair of the request's URL-encoded or multipart body, in order (multipart: text parts only).
    /// The route must buffer its body (<c>WithFormOptions(bufferBody: true)</c>) so it can be read again.
    /// </summary>
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (!request.Body.CanSeek)
        {
            return pairs;
        }

        request.Body.Position = 0;
        var contentType = MediaTypeHeaderValue.Parse(request.ContentType);
        if (contentType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new FormReader(request.Body, Encoding.UTF8);
            while (await reader.ReadNextPairAsync(ct) is { } pair)
            {
                pairs.Add(pair);
            }
        }
        else if (HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is { Length: > 0 } boundary)
        {
            var multipart = new MultipartReader(boundary, request.Body);
            while (await multipart.ReadNextSectionAsync(ct) is { } section)
            {
                if (section.GetContentDispositionHeader() is { } disposition && disposition.IsFormDisposition()
                    && disposition.Name.Value is { } name)
                {
                    using var text = new StreamReader(section.Body, Encoding.UTF8);
                    pairs.Add(new(HeaderUtilities.RemoveQuotes(name).Value ?? "", await text.ReadToEndAsync(ct)));
                }
            }
        }

        request.Body.Position = 0;
        return pairs;
    }
}
