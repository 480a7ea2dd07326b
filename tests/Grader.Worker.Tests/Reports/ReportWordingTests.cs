using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;
using Grader.Worker.Tests.Students;

namespace Grader.Worker.Tests.Reports;

/// <summary>
/// The report page's header reads as sentences ("Score 13 / 13. Attempt 1; …"), never shows a
/// negative zero for a penalty, and a question scored by hand shows the status its score reads as.
/// </summary>
[Collection("service")]
public partial class ReportWordingTests
{
    [Theory]
    // the course rules added to tanh-network ("" none), the answers of ada's second submission ("" only one, her exact key), the header
    [InlineData("", "", "Score 13 / 13. Attempt 1; no penalty; counts 13 / 13.")]
    [InlineData("attempts: { max: 3, penalty: 10% }\n", "{forward: 99}", "Score 0 / 13. Attempt 2; penalty 10%; counts 0 / 13.")] // 10% of 0 takes nothing off: no "(−0)"
    [InlineData("attempts: { max: 3, penalty: 10% }\n", "", "Score 13 / 13. Attempt 1; no penalty; counts 13 / 13.")]
    public async Task The_header_reads_as_sentences_without_a_negative_zero(string rules, string second, string header)
    {
        var clock = new TestClock();
        await using var service = await TestService.StartAsync(clock: clock);
        if (rules.Length > 0)
        {
            await PolicyIntakeTests.PolicyAsync(service, clock.Now.AddDays(7), rules);
        }

        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        using var ada = ClassList.Client(service, tokens["ada"]);
        var (_, body) = await ClassList.PostAsync(ada, ClassList.Exact("tanh-network", "ada", null));
        var id = body.GetProperty("id").GetInt64();
        if (second.Length > 0)
        {
            (_, body) = await ClassList.PostAsync(ada, $"assignment: tanh-network\nanswers: {second}\n");
            id = body.GetProperty("id").GetInt64();
        }

        await service.WaitForAsync([id]);
        var page = new HtmlParser().ParseDocument(await ada.GetStringAsync($"/submissions/{id}"));
        var text = Spaces().Replace(page.QuerySelector("#score")!.ParentElement!.TextContent, " ");
        Assert.Contains(header, text);
        Assert.DoesNotContain("−0", text);
    }

    [Fact]
    public async Task A_question_scored_by_hand_shows_the_status_its_score_reads_as()
    {
        await using var service = await TestService.StartAsync();
        var (_, body) = await service.PostAsync("assignment: tanh-network\nstudent: s\nanswers: {forward: 0.313, grad-W0: [[1, 2], [3, 4]]}\n");
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);
        string StatusOf(AngleSharp.Html.Dom.IHtmlDocument page, string question) =>
            page.QuerySelector($"#report tr[data-question='{question}'] td.num span")!.TextContent;

        var before = new HtmlParser().ParseDocument(await service.Http.GetStringAsync($"/submissions/{id}"));
        Assert.Equal("incorrect", StatusOf(before, "grad-W0"));
        using var set = await service.Http.PostAsJsonAsync($"/api/submissions/{id}/overrides", new { question = "grad-W0", score = 1.5, comment = "the method is right", by = "jo" });
        Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());

        var after = new HtmlParser().ParseDocument(await service.Http.GetStringAsync($"/submissions/{id}"));
        Assert.Equal("partial", StatusOf(after, "grad-W0"));
        Assert.Equal("correct", StatusOf(after, "forward"));
        // The report's JSON keeps the automatic status (answer groups and regrades read it) beside the TA's score.
        var json = await service.GetAsync(id);
        var gradW0 = json.GetProperty("report").GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "grad-W0");
        Assert.Equal(("incorrect", 1.5), (gradW0.GetProperty("status").GetString(), gradW0.GetProperty("score").GetDouble()));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
