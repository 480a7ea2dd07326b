using Grader.Domain.Assignments;
using Grader.Domain.Policy;

namespace Grader.Domain.Tests.Policy;

/// <summary>
/// Each rule at its edges. The course timeline: opens 24 Nov 09:00, due 1 Dec 17:00, late until
/// 4 Dec 17:00 at 10% per day (any part of a day counts), 3 attempts with 5% off each one after the first.
/// </summary>
public class PolicyEvaluatorTests
{
    private static readonly CoursePolicy Course = AssignmentLoader.Load(
        "id: t\nopens: 2026-11-24T09:00Z\ndue: 2026-12-01T17:00Z\nlate: { until: 2026-12-04T17:00Z, penalty: 10% per day }\n"
        + "attempts: { max: 3, penalty: 5% }\nquestions:\n  - { id: q, answer: 1 }\n", "t.yaml").Assignment!.Policy;

    [Theory]
    [InlineData("2026-11-24T08:59:59Z", 1, false, 0.0, "opens at 2026-11-24 09:00:00 +00:00")]
    [InlineData("2026-11-24T09:00:00Z", 1, true, 0.0, null)]
    [InlineData("2026-12-01T16:59:59Z", 1, true, 0.0, null)]         // one second before due
    [InlineData("2026-12-01T17:00:00Z", 1, true, 0.0, null)]         // at the due time: on time
    [InlineData("2026-12-01T17:00:01Z", 1, true, 0.10, null)]        // one second late: one (part of a) day
    [InlineData("2026-12-02T17:00:00Z", 1, true, 0.10, null)]        // exactly one day late
    [InlineData("2026-12-02T17:00:01Z", 1, true, 0.20, null)]
    [InlineData("2026-12-04T17:00:00Z", 1, true, 0.30, null)]        // the end of the late window
    [InlineData("2026-12-04T17:00:01Z", 1, false, 0.0, "the late window closed at 2026-12-04 17:00:00 +00:00")]
    [InlineData("2026-11-30T12:00:00Z", 2, true, 0.05, null)]        // attempt penalty
    [InlineData("2026-11-30T12:00:00Z", 3, true, 0.10, null)]        // the last attempt
    [InlineData("2026-11-30T12:00:00Z", 4, false, 0.0, "no attempts left: this would be attempt 4, and 3 are allowed (3 used)")]
    [InlineData("2026-12-02T12:00:00Z", 3, true, 0.20, null)]        // late and a third attempt: penalties add
    public void Admission_at_the_edges(string received, int attempt, bool accepted, double penalty, string? reason)
    {
        var a = PolicyEvaluator.Admit(Course, TimeZoneInfo.Utc, DateTimeOffset.Parse(received), attempt);
        Assert.Equal(accepted, a.Accepted);
        Assert.Equal(penalty, a.Penalty, 12);
        if (reason is null)
        {
            Assert.Null(a.Reason);
        }
        else
        {
            Assert.Contains(reason, a.Reason);
        }
    }

    [Theory]
    [InlineData("2026-12-01T17:00:00Z", true, "")]
    [InlineData("2026-12-01T17:00:01Z", false, "the due date 2026-12-01 17:00:00 +00:00 has passed")]
    public void Without_a_late_window_the_due_date_closes_submissions(string received, bool accepted, string reason)
    {
        var policy = Course with { Late = null };
        var a = PolicyEvaluator.Admit(policy, TimeZoneInfo.Utc, DateTimeOffset.Parse(received), 1);
        Assert.Equal(accepted, a.Accepted);
        Assert.Contains(reason, a.Reason ?? "");
    }

    [Theory]
    [InlineData("2026-12-03T17:00:00Z", true, 0.0)]      // before the extended due date: on time
    [InlineData("2026-12-03T17:00:01Z", true, 0.10)]     // the late window follows the extension
    [InlineData("2026-12-06T17:00:00Z", true, 0.30)]
    [InlineData("2026-12-06T17:00:01Z", false, 0.0)]
    public void An_extension_moves_the_due_date_and_the_late_window_with_it(string received, bool accepted, double penalty)
    {
        var a = PolicyEvaluator.Admit(Course, TimeZoneInfo.Utc, DateTimeOffset.Parse(received), 1, DateTimeOffset.Parse("2026-12-03T17:00:00Z"));
        Assert.Equal(accepted, a.Accepted);
        Assert.Equal(penalty, a.Penalty, 12);
    }

    [Theory]
    [InlineData("2026-11-01T23:59:59Z", "UTC", "the extension's due date 2026-11-01 23:59:59 +00:00 is not later than the assignment's due date 2026-12-01 17:00:00 +00:00")] // a month early: a typo
    [InlineData("2026-12-01T16:59:59Z", "UTC", "the extension's due date 2026-12-01 16:59:59 +00:00 is not later than the assignment's due date 2026-12-01 17:00:00 +00:00")]
    [InlineData("2026-12-01T17:00:00Z", "UTC", "the extension's due date 2026-12-01 17:00:00 +00:00 is not later than the assignment's due date 2026-12-01 17:00:00 +00:00")] // the due date itself
    [InlineData("2026-12-01T18:00:00+01:00", "Europe/Berlin", "the extension's due date 2026-12-01 18:00:00 +01:00 is not later than the assignment's due date 2026-12-01 18:00:00 +01:00")] // the same instant, both shown in the course's zone
    [InlineData("2026-12-01T17:00:01Z", "UTC", null)]
    [InlineData("2026-12-03T17:00:00Z", "Europe/Berlin", null)]
    public void An_extension_must_be_later_than_the_due_date(string extendedDue, string zone, string? problem)
    {
        var error = Course.ExtensionProblem(TimeZoneInfo.FindSystemTimeZoneById(zone), DateTimeOffset.Parse(extendedDue));
        if (problem is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Equal(problem + ": an extension can only give more time", error);
        }
    }

    [Fact]
    public void An_assignment_without_a_due_date_takes_no_extension()
    {
        Assert.StartsWith("this assignment has no due date, so there is nothing to extend", CoursePolicy.None.ExtensionProblem(TimeZoneInfo.Utc, DateTimeOffset.Parse("2026-12-03T17:00:00Z")));
    }

    [Fact]
    public void A_flat_late_penalty_applies_once()
    {
        var flat = Course with { Late = Course.Late! with { Penalty = new Penalty(20, null) }, Attempts = AttemptRule.Unlimited };
        Assert.Equal(0.2, PolicyEvaluator.Admit(flat, TimeZoneInfo.Utc, DateTimeOffset.Parse("2026-12-01T17:00:01Z"), 1).Penalty, 12);
        Assert.Equal(0.2, PolicyEvaluator.Admit(flat, TimeZoneInfo.Utc, DateTimeOffset.Parse("2026-12-04T16:00:00Z"), 9).Penalty, 12);
    }

    [Fact]
    public void Penalties_never_take_more_than_the_whole_score()
    {
        var steep = new Penalty(40, TimeSpan.FromDays(1));
        Assert.Equal(1, steep.Fraction(TimeSpan.FromDays(2.5)));
        Assert.Equal(1, new AttemptRule(null, 30).Fraction(5));
        Assert.Equal(0, steep.Fraction(TimeSpan.Zero));
    }

    // Scores out of 10: on time 6 (attempt 1), on time 8 (attempt 2, 5% off → 7.6), one day late 9.5 (attempt 3: 10% + 10% → 7.6).
    private static readonly Attempt[] Three =
    [
        new(1, DateTimeOffset.Parse("2026-11-30T10:00:00Z"), 6, 10),
        new(2, DateTimeOffset.Parse("2026-12-01T16:59:59Z"), 8, 10),
        new(3, DateTimeOffset.Parse("2026-12-02T10:00:00Z"), 9.5, 10),
    ];

    [Fact]
    public void Best_counts_the_highest_score_after_penalties()
    {
        var s = PolicyEvaluator.Stand(Course, TimeZoneInfo.Utc, Three.Reverse());
        Assert.Equal([6, 7.6, 7.6], s.Submissions.Select(x => Math.Round(x.Counted!.Value, 10)));
        Assert.Equal([1, 2, 3], s.Submissions.Select(x => x.Admission.Attempt));
        Assert.Equal(3, s.Counts!.Attempt.SubmissionId);        // a tie goes to the later one
        Assert.Equal(1.9, s.Counts.PenaltyPoints!.Value, 10);
    }

    [Fact]
    public void Latest_counts_the_last_one_received_with_its_penalty()
    {
        var s = PolicyEvaluator.Stand(Course with { Gradebook = GradebookRule.Latest }, TimeZoneInfo.Utc, Three.Take(2).Append(new Attempt(3, DateTimeOffset.Parse("2026-12-03T10:00:00Z"), 5, 10)));
        Assert.Equal(3, s.Counts!.Attempt.SubmissionId);
        Assert.Equal(5 * (1 - 0.2 - 0.1), s.Counts.Counted!.Value, 10);   // two (parts of) days late, third attempt
    }

    [Fact]
    public void Submissions_outside_the_rules_never_count_and_ungraded_ones_wait()
    {
        var s = PolicyEvaluator.Stand(Course with { Gradebook = GradebookRule.Latest }, TimeZoneInfo.Utc,
        [
            new(1, DateTimeOffset.Parse("2026-11-30T10:00:00Z"), 6, 10),
            new(2, DateTimeOffset.Parse("2026-12-01T10:00:00Z"), null, null),   // not graded yet
            new(3, DateTimeOffset.Parse("2026-12-05T10:00:00Z"), 10, 10),       // after the late window (rules changed since)
        ]);
        Assert.Equal(1, s.Counts!.Attempt.SubmissionId);
        Assert.False(s.Submissions[2].Admission.Accepted);
        Assert.Null(s.Submissions[2].Counted);
        Assert.Null(PolicyEvaluator.Stand(Course, TimeZoneInfo.Utc, []).Counts);
    }

    [Fact]
    public void Keys_are_released_once_submissions_close_for_everyone()
    {
        Assert.Equal(DateTimeOffset.Parse("2026-12-04T17:00:00Z"), Course.KeyReleaseAt(TimeZoneInfo.Utc, []));
        Assert.Equal(DateTimeOffset.Parse("2026-12-06T17:00:00Z"), Course.KeyReleaseAt(TimeZoneInfo.Utc, [DateTimeOffset.Parse("2026-12-03T17:00:00Z")]));
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T17:00:00Z"), (Course with { Late = null }).KeyReleaseAt(TimeZoneInfo.Utc, []));
        Assert.Null(CoursePolicy.None.KeyReleaseAt(TimeZoneInfo.Utc, []));
    }
}
