using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;
using Grader.Worker.Tests.Students;

namespace Grader.Worker.Tests.Pages.Shared;

/// <summary>
/// Every page's frame names an icon (an empty data: URL), so browsers do not ask for /favicon.ico
/// and get a 404; and the file inputs of the pages that have them are labelled.
/// </summary>
[Collection("service")]
public class PageFrameTests
{
    [Theory]
    // the page, who opens it (the TA or ada), the file input that must carry a label ("" none)
    [InlineData("/roster", "ta", "import-file")]
    [InlineData("/", "ta", "")]
    [InlineData("/me", "ada", "")]
    [InlineData("/me/assignments/svm-random", "ada", "upload-file")]
    [InlineData("/me/assignments/nope", "ada", "")] // a message page (404)
    public async Task Every_page_names_an_icon_and_labels_its_file_inputs(string path, string who, string fileInput)
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        using var client = who == "ta" ? ClassList.Client(service, TestService.TaToken) : ClassList.Client(service, tokens["ada"]);
        using var response = await client.GetAsync(path);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("data:,", page.Head!.QuerySelector("link[rel='icon']")?.GetAttribute("href"));
        Assert.All(page.QuerySelectorAll("input[type='file']"), input =>
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"label[for='{input.Id}']")?.TextContent), $"{path}: a file input without a label"));
        Assert.Equal(fileInput.Length > 0, page.QuerySelector($"input[type='file']#{(fileInput.Length > 0 ? fileInput : "none")}") is not null);
        Assert.Equal(HttpStatusCode(path), (int)response.StatusCode);
    }

    private static int HttpStatusCode(string path) => path.EndsWith("/nope", StringComparison.Ordinal) ? 404 : 200;
}
