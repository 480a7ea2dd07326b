using Grader.Worker.Operations;
using Grader.Worker.Tests.Service;
using Grader.Worker.Tests.Students;

using Grader.Worker.Telemetry;

namespace Grader.Worker.Tests.Operations;

/// <summary>
/// Every value of <c>grader_submissions_rejected_total</c>'s <c>reason</c>, each made by a real
/// refusal over HTTP (the course rules by a hand-moved clock, the class list imported by a TA),
/// counted exactly once.
/// </summary>
[Collection("service")]
public class RejectReasonTests
{
    [Fact]
    public async Task Each_refusal_is_counted_once_under_its_reason()
    {
        var clock = new TestClock();
        await using var service = await TestService.StartAsync(clock: clock);
        var expected = new List<string>();
        async Task Refused(int status, string reason, Func<Task<int>> post)
        {
            Assert.Equal(status, await post());
            expected.Add(reason);
        }

        await Refused(413, RejectReason.TooLarge, async () => (await service.PostAsync(new string('x', 1100 * 1024))).Status);
        await Refused(400, RejectReason.Malformed, async () => (await service.PostAsync("this is: [not an answer file")).Status);
        await Refused(400, RejectReason.UnknownAssignment, async () => (await service.PostAsync("assignment: nope\nstudent: a\nanswers:\n  q: 1\n")).Status);

        // Course rules: opens in an hour, due a day later, one attempt, no late window.
        var opens = TestClock.WholeSeconds(clock.Now.AddHours(1));
        await PolicyIntakeTests.PolicyAsync(service, opens.AddDays(1), $"opens: {PolicyIntakeTests.Iso(opens)}\nattempts: 1\n");
        clock.Stopped = true;
        await Refused(400, RejectReason.NotOpen, async () => (await PolicyIntakeTests.PostAsync(service, "a")).Status);
        clock.Now = opens.AddMinutes(1);
        Assert.Equal(202, (await PolicyIntakeTests.PostAsync(service, "a")).Status);
        await Refused(400, RejectReason.NoAttempts, async () => (await PolicyIntakeTests.PostAsync(service, "a")).Status);
        clock.Now = opens.AddDays(1).AddSeconds(1);
        await Refused(400, RejectReason.Closed, async () => (await PolicyIntakeTests.PostAsync(service, "b")).Status);
        clock.Now = opens.AddMinutes(2);

        // A class list: tokens, the list, and cookies sent from another site.
        var tokens = await ClassList.ImportAsync(service, "student\nada\nbob\n");
        var bobsFile = "assignment: tanh-network\nstudent: bob\nanswers: {forward: 0.313}\n";
        using var nobody = ClassList.Client(service);
        using var ada = ClassList.Client(service, tokens["ada"]);
        await Refused(401, RejectReason.NoToken, async () => (await ClassList.PostAsync(nobody, bobsFile)).Status);
        await Refused(403, RejectReason.WrongStudent, async () => (await ClassList.PostAsync(ada, bobsFile)).Status);
        await Refused(403, RejectReason.NotOnList, async () => (await service.PostAsync(bobsFile.Replace("bob", "carol"))).Status);
        using var crossSite = ClassList.Client(service);
        crossSite.DefaultRequestHeaders.Add("Cookie", $"grader_student={tokens["ada"]}");
        crossSite.DefaultRequestHeaders.Add("Origin", "https://evil.example");
        await Refused(403, RejectReason.CrossSite, async () => (int)(await crossSite.PostAsync("/api/submissions", new StringContent(bobsFile))).StatusCode);

        Assert.Equal(RejectReason.All.Order(), expected.Order()); // every reason made once
        var scrape = await Scrape.UntilAsync(service, s => RejectReason.All.All(r => s.Value("grader_submissions_rejected_total", $"reason=\"{r}\"") >= 1));
        Assert.All(RejectReason.All, reason => Assert.Equal(1, scrape.Value("grader_submissions_rejected_total", $"reason=\"{reason}\"")));
        Assert.Equal(1, scrape.Value("grader_submissions_accepted_total"));
    }
}
