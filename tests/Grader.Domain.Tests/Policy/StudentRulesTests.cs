using Grader.Domain.Policy;

namespace Grader.Domain.Tests.Policy;

public class StudentRulesTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly CoursePolicy Policy = new(
        null, At(Due), new LateWindow(At(Due.AddDays(3)), new Penalty(10, TimeSpan.FromDays(1))),
        new AttemptRule(3, 5), GradebookRule.Best, null);

    private static PolicyTime At(DateTimeOffset t) => new(t.UtcDateTime, TimeSpan.Zero);

    [Theory]
    [InlineData(0, -60, true, 0.0)]     // first attempt, on time
    [InlineData(1, -60, true, 0.05)]    // second attempt: 5%
    [InlineData(1, 60, true, 0.15)]     // second attempt a minute late: 5% + 10%
    [InlineData(2, 60 * 60 * 25, true, 0.3)] // third, 25 h late: 10% + 20%
    [InlineData(3, -60, false, 0.0)]    // no attempts left
    [InlineData(0, 60 * 60 * 24 * 3 + 1, false, 0.0)] // the late window has closed
    public void The_next_submission_gets_what_intake_would_give_it(int used, int secondsAfterDue, bool accepted, double penalty)
    {
        var earlier = Enumerable.Range(0, used)
            .Select(i => new ScoredAttempt(new Attempt(i, Due.AddDays(-2), 8, 8), new Admission(true, null, i + 1, TimeSpan.Zero, 0, 0), 8)).ToList();
        var rules = StudentRules.Of(Policy, Berlin, earlier, Due.AddSeconds(secondsAfterDue));
        Assert.Equal(accepted, rules.Next.Accepted);
        Assert.Equal(penalty, rules.Next.Accepted ? rules.Next.Penalty : 0, 9);
        Assert.Equal(used, rules.AttemptsUsed);
        Assert.Equal(3 - used, rules.AttemptsLeft);
        Assert.Equal(TimeSpan.FromHours(1), rules.Due!.Value.Offset); // Berlin in December
        Assert.Equal(Due, rules.Due);
        Assert.Equal(Due.AddDays(3), rules.LateUntil);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)] // at the closing instant: still in time, as intake admits it
    [InlineData(1, true)]
    public void The_page_says_closed_exactly_when_intake_refuses_as_closed(int secondsAfterClosing, bool closed)
    {
        var policy = Policy with { Opens = At(Due.AddDays(-7)), Attempts = new AttemptRule(null, 0) };
        var now = Due.AddDays(3).AddSeconds(secondsAfterClosing);
        var rules = StudentRules.Of(policy, Berlin, [], now);
        Assert.Equal(closed, rules.ClosedAt(now));
        Assert.Equal(!closed, rules.Next.Accepted);
        Assert.False(rules.NotOpenAt(now));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)] // at the opening instant: open
    public void The_page_says_not_open_exactly_when_intake_refuses_as_not_open(int secondsAfterOpening, bool notOpen)
    {
        var opens = Due.AddDays(-7);
        var policy = Policy with { Opens = At(opens) };
        var rules = StudentRules.Of(policy, Berlin, [], opens.AddSeconds(secondsAfterOpening));
        Assert.Equal(notOpen, rules.NotOpenAt(opens.AddSeconds(secondsAfterOpening)));
        Assert.Equal(!notOpen, rules.Next.Accepted);
    }
}
