using Grader.Domain.Assignments;
using Grader.Domain.Policy;

namespace Grader.Domain.Tests.Policy;

/// <summary><c>regrade_requests</c>: how it is read, and when a request is taken.</summary>
public class RegradeRuleTests
{
    private static readonly DateTimeOffset Released = new(2026, 12, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("", "never")]
    [InlineData("regrade_requests: never\n", "never")]
    [InlineData("regrade_requests: always\n", "always")]
    [InlineData("regrade_requests: 2026-12-15\n", "until 2026-12-15 23:59:59")]
    [InlineData("regrade_requests: 2026-12-15T17:00Z\n", "until 2026-12-15 17:00:00 +00:00")]
    [InlineData("regrade_requests: \"7 days after key release\"\n", "7 days after key release")]
    [InlineData("regrade_requests: 1 day after key release\n", "1 days after key release")]
    [InlineData("regrade_requests: \"36 hours after key release\"\n", "1.5 days after key release")]
    public void The_rule_is_read(string yaml, string described)
    {
        var result = AssignmentLoader.Load("id: t\n" + yaml + "questions:\n  - { id: q, answer: 1 }\n", "t.yaml");
        Assert.NotNull(result.Assignment);
        Assert.Equal(described, result.Assignment.Policy.Regrades.Describe());
    }

    [Theory]
    [InlineData("never", 0, true, "takes no regrade requests")]
    [InlineData("always", 0, false, null)]
    [InlineData("always", 0, true, null)]
    [InlineData("until", -1, true, null)]
    [InlineData("until", 0, true, null)]
    [InlineData("until", 1, true, "regrade requests closed at 2026-12-10 12:00:00 +00:00")]
    [InlineData("after", -1, true, "open when the key is released")]
    [InlineData("after", 0, false, "open when the key is released")]
    [InlineData("after", 0, true, null)]
    [InlineData("after", 7 * 86400, true, null)]
    [InlineData("after", 7 * 86400 + 1, true, "regrade requests closed at 2026-12-17 12:00:00 +00:00 (7 days after key release)")]
    public void A_request_is_taken_inside_the_window(string kind, int secondsFromRelease, bool released, string? refusal)
    {
        var rule = kind switch
        {
            "never" => RegradeRule.Never,
            "always" => new RegradeRule(RegradeWindow.Always),
            "until" => new RegradeRule(RegradeWindow.Until, new PolicyTime(Released.UtcDateTime, TimeSpan.Zero)),
            _ => new RegradeRule(RegradeWindow.AfterKeyRelease, AfterRelease: TimeSpan.FromDays(7)),
        };
        var error = rule.Refusal(Released.AddSeconds(secondsFromRelease), TimeZoneInfo.Utc, released ? Released : null);
        if (refusal is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(refusal, error);
        }
    }
}
