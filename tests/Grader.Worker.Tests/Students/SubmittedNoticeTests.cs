using AngleSharp.Html.Parser;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Students;

/// <summary>
/// <c>/me/assignments/{id}?submitted={submission}</c> says a submission was received (or graded)
/// only for the signed-in student's own submission of that assignment; any other id (another
/// student's, one of another assignment, one that does not exist) is ignored: no notice, no warnings.
/// </summary>
[Collection("service")]
public class SubmittedNoticeTests
{
    [Fact]
    public async Task The_notice_is_shown_for_the_students_own_submission_of_the_assignment_only()
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\nbob\n");
        async Task<long> SubmitAsync(string student, string assignment)
        {
            using var http = ClassList.Client(service, tokens[student]);
            var (status, body) = await ClassList.PostAsync(http, ClassList.Exact(assignment, student, null));
            Assert.Equal(202, status);
            return body.GetProperty("id").GetInt64();
        }

        var own = await SubmitAsync("ada", "svm-random");
        var ofAnotherAssignment = await SubmitAsync("ada", "tanh-network");
        var bobs = await SubmitAsync("bob", "svm-random");
        await service.WaitForAsync([own, ofAnotherAssignment, bobs]);

        using var ada = ClassList.Client(service, tokens["ada"]);
        var parser = new HtmlParser();
        foreach (var (id, shown) in new[] { (own, true), (bobs, false), (ofAnotherAssignment, false), (own + bobs + 1000, false) })
        {
            var page = parser.ParseDocument(await ada.GetStringAsync($"/me/assignments/svm-random?submitted={id}"));
            var notice = page.QuerySelector("#notice")?.TextContent;
            Assert.True(shown == notice is not null, $"submission {id}: {notice ?? "no notice"}");
            if (shown)
            {
                Assert.Contains($"Submission #{id} is graded", notice);
            }
            else
            {
                Assert.Null(page.QuerySelector("#warnings"));
            }
        }

        // Not a whole number: ignored too (it was a 400 about a request body).
        foreach (var query in new[] { "abc", "99999999999999999999", "-1", "" })
        {
            using var response = await ada.GetAsync($"/me/assignments/svm-random?submitted={query}");
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Null(parser.ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("#notice"));
        }
    }
}
