using System.Net;
using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;
using Grader.Worker.Tests.Students;

namespace Grader.Worker.Tests.Access;

/// <summary>
/// The report page (<c>GET /submissions/{id}</c>, rule <c>TaReceiptOrOwner</c>) opens for the
/// submission's own student signed in (bearer token or sign-in cookie) without its receipt; another
/// student gets 403, a TA sees it as before, and nobody signed in gets a 401 that points a student
/// to their personal link or the receipt link.
/// </summary>
[Collection("service")]
public class OwnReportTests
{
    [Theory]
    // who asks (ada or bob by token or by cookie, the TA, nobody, a replaced cookie), which submission (ada's, an id that does not exist), status
    [InlineData("ada bearer", "own", 200)]
    [InlineData("ada cookie", "own", 200)]
    [InlineData("bob bearer", "own", 403)]
    [InlineData("bob cookie", "own", 403)]
    [InlineData("ada bearer", "missing", 403)]
    [InlineData("ta", "own", 200)]
    [InlineData("ta", "missing", 404)]
    [InlineData("nobody", "own", 401)]
    [InlineData("stale cookie", "own", 401)]
    public async Task The_report_opens_for_its_own_signed_in_student(string who, string which, int expected)
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\nbob\n");
        using var ada = ClassList.Client(service, tokens["ada"]);
        var (posted, body) = await ClassList.PostAsync(ada, ClassList.Exact("svm-random", "ada", null));
        Assert.Equal(202, posted);
        var own = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([own]);

        using var client = who switch
        {
            "ta" => new HttpClient { BaseAddress = service.Http.BaseAddress },
            _ => ClassList.Client(service, who.EndsWith(" bearer", StringComparison.Ordinal) ? tokens[who.Split(' ')[0]] : null),
        };
        if (who == "ta")
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestService.TaToken);
        }
        else if (who.EndsWith(" cookie", StringComparison.Ordinal))
        {
            client.DefaultRequestHeaders.Add("Cookie", $"grader_student={(who == "stale cookie" ? "a-replaced-token" : tokens[who.Split(' ')[0]])}");
        }

        using var response = await client.GetAsync($"/submissions/{(which == "own" ? own : own + 100)}");
        var text = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.True(expected == (int)response.StatusCode, $"{who}, {which}: {(int)response.StatusCode} {text}");
        switch (expected)
        {
            case 200:
                Assert.Contains($"Submission #{own}: svm-random, student ada", text);
                Assert.Equal(who != "ta", text.Contains("← back to svm-random", StringComparison.Ordinal)); // the student's link back to their page
                break;
            case 401:
                Assert.Contains("personal link", text);
                Assert.Contains("?receipt=", text);
                Assert.DoesNotContain("printed", text);
                Assert.Equal(who == "stale cookie", text.Contains("has been replaced", StringComparison.Ordinal));
                break;
            case 403 when who.StartsWith("bob", StringComparison.Ordinal) || which == "missing":
                Assert.Contains("not one of your submissions", text);
                Assert.DoesNotContain("svm-random", text);
                break;
        }
    }

    [Fact]
    public async Task A_student_signed_in_by_cookie_asks_for_a_regrade_from_the_report_opened_without_the_receipt()
    {
        await using var service = await RegradeRequestApiTests.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        var seed = (await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"))).Replace("student: seed-004", "student: ada");
        using var ada = ClassList.Client(service, tokens["ada"]);
        var (_, body) = await ClassList.PostAsync(ada, seed);
        var id = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([id]);

        // A browser signed in by the personal link: the cookie alone opens the report (the API keeps its rule: the TA token or the receipt).
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = service.Http.BaseAddress };
        (await browser.GetAsync($"/s/{tokens["ada"]}")).Dispose();
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"/api/submissions/{id}")).StatusCode);
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync($"/submissions/{id}"));
        Assert.Null(page.QuerySelector("#overrides")); // no TA form
        var form = page.QuerySelector("form#regrade-form")!;
        Assert.Equal($"/submissions/{id}/regrade-requests", form.GetAttribute("action")); // no receipt: the sign-in is what the route checks

        // Opened with another submission's receipt (an attacker's try put that receipt on this report's form): still no receipt on it.
        var (_, other) = await ClassList.PostAsync(ada, seed);
        await service.WaitForAsync([other.GetProperty("id").GetInt64()]);
        var mixed = new HtmlParser().ParseDocument(await browser.GetStringAsync($"/submissions/{id}?receipt={other.GetProperty("receipt").GetString()}"));
        Assert.Equal($"/submissions/{id}/regrade-requests", mixed.QuerySelector("form#regrade-form")!.GetAttribute("action"));
        using var asked = await browser.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!),
            new("question", "grad-W1"),
            new("comment", "I wrote the transpose on purpose"),
        ]));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var requests = await service.Http.GetStringAsync("/api/assignments/tanh-network/regrade-requests?status=open");
        Assert.Contains("I wrote the transpose on purpose", requests);
    }
}
