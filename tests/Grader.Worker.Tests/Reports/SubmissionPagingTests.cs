using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Grader.Data.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests.Reports;

/// <summary>
/// The TA assignment page's submissions table, paged, sorted and filtered in the database: each
/// page holds exactly the rows a plain LINQ query over the inserted rows picks, the count line
/// says which, a page past the end is the last one, the links keep the other parameters, and the
/// page stays small with 500 submissions.
/// </summary>
[Collection("service")]
public class SubmissionPagingTests(SubmissionPagingFixture fixture) : IClassFixture<SubmissionPagingFixture>
{
    [Theory]
    [InlineData("", 1, 50)]
    [InlineData("?page=2", 2, 50)]
    [InlineData("?page=3&size=20&sort=score&order=asc", 3, 20)]
    [InlineData("?sort=score&order=desc&size=30", 1, 30)]
    [InlineData("?sort=student&order=asc&page=4&size=25", 4, 25)]
    [InlineData("?sort=student&order=desc", 1, 50)]
    [InlineData("?sort=status&order=asc&page=2&size=40", 2, 40)]
    [InlineData("?sort=received&order=asc&size=10&page=7", 7, 10)]
    [InlineData("?status=failed&size=15&page=2", 2, 15)]
    [InlineData("?status=graded&sort=score&order=desc&size=100&page=4", 4, 100)]
    [InlineData("?student=s01&sort=student&order=asc", 1, 50)]
    [InlineData("?student=s001", 1, 50)]
    [InlineData("?late=yes&size=200&page=2", 2, 200)]
    [InlineData("?late=no&sort=score&order=asc&page=3", 3, 50)]
    [InlineData("?late=no&student=s001&sort=received&order=asc", 1, 50)]
    [InlineData("?late=yes&status=graded&student=s0&size=20&page=5", 5, 20)]
    [InlineData("?page=99", 10, 50)]                          // past the end: the last page (500 rows, 10 pages)
    [InlineData("?status=rejected&size=3&page=99", 16, 3)]    // 46 rejected (every 11th of 500): 16 pages, the last holding one
    [InlineData("?student=zz&page=5", 1, 50)]                 // nothing matches: one empty page
    [InlineData("?size=5000", 1, 200)]
    public async Task A_page_holds_the_rows_the_query_picks_in_its_order(string query, int page, int size)
    {
        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        string? P(string name) => parameters.TryGetValue(name, out var v) ? v.ToString() : null;
        var expected = Expected(P("sort") ?? "received", P("order") ?? "desc", P("student"), P("status"), P("late"));

        var document = await PageAsync(query);
        var shown = document.QuerySelectorAll("#submissions tbody tr td:nth-child(5) a").Select(a => long.Parse(a.TextContent.TrimStart('#'))).ToList();
        Assert.Equal(expected.Skip((page - 1) * size).Take(size).Select(s => s.Id), shown);

        Assert.Equal(expected.Count == 0 ? "no submissions" : $"submissions {((page - 1) * size) + 1:N0}–{(page - 1) * size + shown.Count:N0} of {expected.Count:N0}",
            document.QuerySelector("#submission-count")!.TextContent.Trim());
        Assert.Equal($"page {page} of {Math.Max(1, (expected.Count + size - 1) / size)}", document.QuerySelector("#pager span")!.TextContent);
    }

    [Fact]
    public async Task The_page_and_sort_links_keep_the_other_parameters()
    {
        var document = await PageAsync("?page=3&size=20&sort=score&order=asc&student=s0&status=graded&late=no");
        Assert.Equal("/assignments/tanh-network?page=2&size=20&sort=score&order=asc&student=s0&status=graded&late=no", document.QuerySelector("#previous-page")!.GetAttribute("href"));
        Assert.Equal("/assignments/tanh-network?page=4&size=20&sort=score&order=asc&student=s0&status=graded&late=no", document.QuerySelector("#next-page")!.GetAttribute("href"));

        // A header starts again at page 1 with the filters kept: the same column turns the order round, another starts ascending.
        Assert.Equal("/assignments/tanh-network?size=20&sort=score&order=desc&student=s0&status=graded&late=no", Sort(document, "score"));
        Assert.Equal("/assignments/tanh-network?size=20&sort=student&order=asc&student=s0&status=graded&late=no", Sort(document, "student"));
        Assert.Equal("/assignments/tanh-network?size=20&sort=received&order=asc&student=s0&status=graded&late=no", Sort(document, "received"));
        Assert.Equal("/assignments/tanh-network?sort=received&order=asc", Sort(await PageAsync(""), "received"));

        // The first page has no previous link; the last no next one.
        var first = await PageAsync("?size=200");
        Assert.Null(first.QuerySelector("#previous-page"));
        Assert.Equal("/assignments/tanh-network?page=2&size=200", first.QuerySelector("#next-page")!.GetAttribute("href"));
        var last = await PageAsync("?size=200&page=3");
        Assert.Null(last.QuerySelector("#next-page"));
        Assert.Equal("page 3 of 3", last.QuerySelector("#pager span")!.TextContent);

        // Past the end is the last page: its previous link is the page before it.
        var beyond = await PageAsync("?size=200&page=99");
        Assert.Null(beyond.QuerySelector("#next-page"));
        Assert.Equal("/assignments/tanh-network?page=2&size=200", beyond.QuerySelector("#previous-page")!.GetAttribute("href"));
        Assert.Equal("page 3 of 3", beyond.QuerySelector("#pager span")!.TextContent);

        // The filter form carries the sort along.
        Assert.Equal("score", document.QuerySelector("#submission-filters input[name=sort]")!.GetAttribute("value"));
        Assert.Equal("s0", document.QuerySelector("#submission-filters input[name=student]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("asc")]
    [InlineData("desc")]
    public async Task Sorted_by_score_the_ungraded_rows_come_last_in_either_order(string order)
    {
        // 389 graded, then 111 without a grade: 46 rejected (every 11th) and 65 failed (every 7th of the others).
        var statuses = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var document = await PageAsync($"?sort=score&order={order}&size=200&page={page}");
            statuses.AddRange(document.QuerySelectorAll("#submissions tbody tr td:nth-child(3)").Select(td => td.TextContent));
        }

        Assert.Equal(500, statuses.Count);
        Assert.All(statuses.Take(389), s => Assert.Equal("graded", s));
        Assert.Equal((46, 65), (statuses.Skip(389).Count(s => s == "rejected"), statuses.Skip(389).Count(s => s == "failed")));
    }

    [Fact]
    public async Task The_page_stays_under_300_KB_with_500_submissions()
    {
        var html = await fixture.Service.Http.GetStringAsync("/assignments/tanh-network");
        Assert.Equal(500, fixture.Rows.Count);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(html) < 300 * 1024, $"{System.Text.Encoding.UTF8.GetByteCount(html)} bytes");
        var largest = await fixture.Service.Http.GetStringAsync("/assignments/tanh-network?size=200");
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(largest) < 300 * 1024, $"{System.Text.Encoding.UTF8.GetByteCount(largest)} bytes");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(7)]
    [InlineData(1)]
    public async Task The_streamed_exports_equal_the_gradebook_built_in_memory_from_every_submission(int chunk)
    {
        var services = fixture.Service.Services;
        var expected = await Grader.Worker.Reports.Gradebooks.BuildAsync("tanh-network", services.GetRequiredService<Grader.Worker.Reports.ClassRecords>(),
            services.GetRequiredService<Grader.Worker.Course.AssignmentCatalog>(), services.GetRequiredService<Grader.Worker.Access.StudentDirectory>(),
            new Grader.Worker.Reports.GradebookOptions(), CancellationToken.None);
        Assert.Equal(50, expected.Students.Count);
        var before = Grader.Worker.Reports.GradebookExport.ChunkSize;
        Grader.Worker.Reports.GradebookExport.ChunkSize = chunk;
        try
        {
            Assert.Equal(expected.ToCsv(), await fixture.Service.Http.GetStringAsync("/assignments/tanh-network/gradebook.csv"));
            using var json = System.Text.Json.JsonDocument.Parse(await fixture.Service.Http.GetStringAsync("/assignments/tanh-network/gradebook.json"));
            using var want = System.Text.Json.JsonDocument.Parse(expected.ToJson());
            Assert.True(System.Text.Json.JsonElement.DeepEquals(want.RootElement, json.RootElement));
        }
        finally
        {
            Grader.Worker.Reports.GradebookExport.ChunkSize = before;
        }
    }

    [Theory]
    [InlineData("?page=0", "page must be a whole number from 1")]
    [InlineData("?size=-3", "size must be a whole number from 1")]
    [InlineData("?sort=grade", "sort must be one of received, student, score, status")]
    [InlineData("?order=up", "order must be asc or desc")]
    [InlineData("?status=lost", "status must be one of accepted, graded, failed, rejected")]
    [InlineData("?late=maybe", "late must be yes or no")]
    public async Task A_parameter_not_understood_is_a_400_naming_it(string query, string message)
    {
        using var response = await fixture.Service.Http.GetAsync("/assignments/tanh-network" + query);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    private async Task<IDocument> PageAsync(string query) =>
        new HtmlParser().ParseDocument(await fixture.Service.Http.GetStringAsync("/assignments/tanh-network" + query));

    private static string Sort(IDocument document, string column) =>
        document.QuerySelector($"#submissions thead a[data-sort={column}]")!.GetAttribute("href")!;

    private List<Submission> Expected(string sort, string order, string? student, string? status, string? late)
    {
        IEnumerable<Submission> rows = fixture.Rows;
        if (student is not null)
        {
            rows = rows.Where(s => s.Student!.StartsWith(student, StringComparison.OrdinalIgnoreCase));
        }

        if (status is not null)
        {
            rows = rows.Where(s => s.Status.ToString().Equals(status, StringComparison.OrdinalIgnoreCase));
        }

        if (late is not null)
        {
            rows = rows.Where(s => (s.ReceivedAt > (s.Student == "s001" ? fixture.ExtendedDue : SubmissionPagingFixture.Due)) == (late == "yes"));
        }

        if (sort == "score")
        {
            // Ungraded rows last in either order (docs/scale.md).
            Func<Submission, int> ungraded = s => fixture.Scores.ContainsKey(s.Id) ? 0 : 1;
            return order == "asc"
                ? [.. rows.OrderBy(ungraded).ThenBy(s => fixture.Scores.GetValueOrDefault(s.Id)).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Id)]
                : [.. rows.OrderBy(ungraded).ThenByDescending(s => fixture.Scores.GetValueOrDefault(s.Id)).ThenByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id)];
        }

        Func<Submission, IComparable> key = sort switch
        {
            "student" => s => s.Student!,
            "status" => s => s.Status.ToString(),
            _ => s => 0,
        };
        var comparer = Comparer<IComparable>.Create((a, b) => a is string x && b is string y ? string.CompareOrdinal(x, y) : a.CompareTo(b));
        return order == "asc"
            ? [.. rows.OrderBy(key, comparer).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Id)]
            : [.. rows.OrderByDescending(key, comparer).ThenByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id)];
    }
}
