using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Students;

/// <summary>
/// <c>/me</c> says when an assignment opens or that it is closed instead of attempts and time
/// left that do not apply, and its submissions column says how many were rejected (they use no attempt).
/// </summary>
[Collection("service")]
public partial class StudentHomeWordingTests
{
    [Theory]
    // when it opens and is due (days from now; opens 0: from the start), the due cell, the attempts cell, the submissions cell after one try
    [InlineData(25, 30, "opens", "not open yet (1 allowed)", "1 (1 rejected)")]
    [InlineData(0, -1, "(closed)", "closed (0 used)", "1 (1 rejected)")]
    [InlineData(0, 2, "left)", "1 used, 0 left", "1")]
    public async Task The_home_page_says_opens_or_closed_and_counts_rejected_submissions_apart(int opensIn, int dueIn, string due, string attempts, string submissions)
    {
        var clock = new TestClock();
        await using var service = await TestService.StartAsync(clock: clock);
        var opens = opensIn == 0 ? "" : $"opens: {PolicyIntakeTests.Iso(clock.Now.AddDays(opensIn))}\n";
        await PolicyIntakeTests.PolicyAsync(service, clock.Now.AddDays(dueIn), opens + "attempts: 1\n");
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        using var ada = ClassList.Client(service, tokens["ada"]);
        var (status, _) = await ClassList.PostAsync(ada, ClassList.Exact("tanh-network", "ada", null));
        Assert.Equal(dueIn > 0 && opensIn == 0 ? 202 : 400, status); // refused before it opens and after it closes: stored as rejected

        var home = new HtmlParser().ParseDocument(await ada.GetStringAsync("/me"));
        var row = home.QuerySelector("tr[data-assignment='tanh-network']")!;
        var dueCell = Spaces().Replace(row.QuerySelector("td.due")!.TextContent, " ").Trim();
        Assert.Contains(due, dueCell);
        Assert.Equal(opensIn > 0, dueCell.StartsWith("opens ", StringComparison.Ordinal) && dueCell.Contains("; due ", StringComparison.Ordinal));
        Assert.DoesNotContain(opensIn > 0 ? "left" : "opens", dueCell);
        Assert.Equal(attempts, row.QuerySelector("td.attempts")!.TextContent.Trim());
        Assert.Equal(submissions, row.QuerySelector("td.submissions")!.TextContent.Trim());
        Assert.Contains("a rejected one", home.QuerySelector("#counts-note")!.TextContent);

        // The assignment's own page says when it opens, before it does.
        var page = new HtmlParser().ParseDocument(await ada.GetStringAsync("/me/assignments/tanh-network"));
        Assert.Equal(opensIn > 0, page.QuerySelector("#rules #opens") is not null);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
