using Grader.Domain.Assignments;
using Grader.Domain.Policy;

namespace Grader.Domain.Tests.Policy;

/// <summary>The course rules in the assignment YAML: what each key means, and a clear error at the right line and column.</summary>
public class PolicyReaderTests
{
    private const string Tail = "questions:\n  - { id: q, answer: 1 }\n";

    public static TheoryData<string, int, int, string> Errors => new()
    {
        { "due: tomorrow\n", 2, 6, "due must be a date and time in ISO 8601" },
        { "due: 2026-13-01\n", 2, 6, "due must be a date and time" },
        { "due: 2026-12-01T25:00\n", 2, 6, "no such time of day" },

        // Near the calendar's end a late window or an extension added to it overflowed (a 500 on the extensions API).
        { "due: 9999-12-31T23:59:59-01:00\n", 2, 6, "due must be in the years 1900 to 9000" },
        { "opens: 0001-01-01\n", 2, 8, "opens must be in the years 1900 to 9000" },
        { "due: 2026-12-01T17:00+15:00\n", 2, 6, "out of range" },
        { "due: [2026-12-01]\n", 2, 6, "due must be a single value" },
        { "opens: 2026-12-02\ndue: 2026-12-01\n", 2, 8, "opens (2026-12-02 00:00:00) must be before due" },
        { "late: { until: 2026-12-08, penalty: 10% per day }\n", 2, 7, "a late window needs a due date" },
        { "due: 2026-12-01T17:00Z\nlate: { until: 2026-12-01T17:00Z }\n", 3, 16, "late.until (2026-12-01 17:00:00 +00:00) must be after due" },
        { "due: 2026-12-01\nlate: { penalty: 10% }\n", 3, 7, "late needs until" },
        { "due: 2026-12-01\nlate: { until: 2026-12-08, penalty: 10% a day }\n", 3, 37, "late.penalty must be a percentage such as \"20%\", \"10% per day\"" },
        { "due: 2026-12-01\nlate: { until: 2026-12-08, penalty: 120% }\n", 3, 37, "from 0% to 100%" },
        { "due: 2026-12-01\nlate: { until: 2026-12-08, penality: 10% }\n", 3, 28, "unknown key 'penality' in late" },
        { "due: 2026-12-01\nlate: 2026-12-08\n", 3, 7, "late must be a mapping" },
        { "attempts: 0\n", 2, 11, "attempts must be a whole number from 1 to 10000" },
        { "attempts: lots\n", 2, 11, "attempts must be a number" },
        { "attempts: { max: 3, penalty: 10% per day }\n", 2, 30, "attempts.penalty must be a percentage such as \"10%\"" },
        { "gradebook: first\n", 2, 12, "gradebook must be best or latest" },
        { "timezone: Mars/Olympus\n", 2, 11, "unknown time zone 'Mars/Olympus'" },
        { "show_key: later\n", 2, 11, "show_key must be after_due, after_grading, never or always" },
        { "show_key: never\ndefaults: { show_key: always }\n", 2, 11, "show_key is given both here and under defaults" },
        { "regrade_requests: sometimes\n", 2, 19, "regrade_requests must be never, always, a date" },
        { "regrade_requests: \"7 days before key release\"\n", 2, 19, "regrade_requests must be never, always, a date" },
        { "regrade_requests: \"0 days after key release\"\n", 2, 19, "the span after key release must be more than 0" },
        { "regrade_requests: 2026-12-45\n", 2, 19, "regrade_requests must be a date and time in ISO 8601" },
        { "regrade_requests: [always]\n", 2, 19, "regrade_requests must be a single value" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Bad_rules_are_reported_at_their_line_and_column(string yaml, int line, int column, string message)
    {
        var result = AssignmentLoader.Load("id: t\n" + yaml + Tail, "t.yaml");
        Assert.Null(result.Assignment);
        Assert.Contains(result.Diagnostics, d => d.Line == line && d.Column == column && d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-12-01T17:00:00+01:00", "2026-12-01T16:00:00Z")]
    [InlineData("2026-12-01T17:00+0100", "2026-12-01T16:00:00Z")]
    [InlineData("2026-12-01T17:00:00Z", "2026-12-01T17:00:00Z")]
    [InlineData("2026-12-01 17:00", "2026-12-01T17:00:00Z")]                     // no offset: the course's zone (UTC here)
    [InlineData("2026-12-01", "2026-12-01T23:59:59Z")]                           // a date alone: the end of that day
    [InlineData("2026-12-01T17:00:00-05:30", "2026-12-01T22:30:00Z")]
    public void Due_dates_in_iso_8601(string written, string instant)
    {
        var policy = Load($"due: {written}\n");
        Assert.Equal(DateTimeOffset.Parse(instant), policy.For(TimeZoneInfo.Utc).Due);
    }

    [Fact]
    public void A_date_without_offset_is_read_in_the_course_or_assignment_time_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // Winter (UTC+1) and summer (UTC+2): the zone's rules, not a fixed offset.
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T16:00:00Z"), Load("due: 2026-12-01T17:00\n").For(berlin).Due);
        Assert.Equal(DateTimeOffset.Parse("2026-07-01T15:00:00Z"), Load("due: 2026-07-01T17:00\n").For(berlin).Due);
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T22:00:00Z"), Load("timezone: America/New_York\ndue: 2026-12-01T17:00\n").For(berlin).Due);
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T17:00:00Z"), Load("due: 2026-12-01T17:00Z\n").For(berlin).Due);
    }

    [Fact]
    public void Every_key_together()
    {
        var p = Load("opens: 2026-11-24T09:00Z\ndue: 2026-12-01T17:00Z\nlate: { until: 2026-12-04T17:00Z, penalty: 10% per day }\n"
            + "attempts: { max: 3, penalty: 5% }\ngradebook: latest\n");
        var d = p.For(TimeZoneInfo.Utc);
        Assert.Equal((DateTimeOffset.Parse("2026-11-24T09:00Z"), DateTimeOffset.Parse("2026-12-01T17:00Z"), DateTimeOffset.Parse("2026-12-04T17:00Z")), (d.Opens!.Value, d.Due!.Value, d.Closes!.Value));
        Assert.Equal(new Penalty(10, TimeSpan.FromDays(1)), p.Late!.Penalty);
        Assert.Equal(new AttemptRule(3, 5), p.Attempts);
        Assert.Equal(GradebookRule.Latest, p.Gradebook);
        Assert.Equal(new AttemptRule(2, 0), Load("attempts: 2\n").Attempts);
        Assert.Equal(CoursePolicy.None, Load(""));
    }

    private static CoursePolicy Load(string yaml)
    {
        var result = AssignmentLoader.Load("id: t\n" + yaml + Tail, "t.yaml");
        Assert.True(result.Assignment is not null, string.Join("\n", result.Diagnostics));
        return result.Assignment!.Policy;
    }
}
