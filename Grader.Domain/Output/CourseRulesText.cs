using System.Globalization;
using System.Text;
using Grader.Domain.Policy;

namespace Grader.Domain.Output;

/// <summary>
/// An assignment's course rules as lines of text, for the command-line handout: when it opens and
/// is due, the late window and its penalty, attempts and their penalty, which submission counts,
/// and regrade requests. Dates are in the assignment's time zone (else the course's), with their offset.
/// </summary>
public static class CourseRulesText
{
    /// <summary>The "course rules" block, each line indented by two spaces.</summary>
    public static string Write(CoursePolicy policy, TimeZoneInfo courseZone)
    {
        var zone = policy.TimeZone ?? courseZone;
        var d = policy.For(courseZone);
        string When(DateTimeOffset? t) => t is { } x ? Date(TimeZoneInfo.ConvertTime(x, zone)) : "—";
        var attempts = (policy.Attempts.Max?.ToString(CultureInfo.InvariantCulture) ?? "unlimited")
            + (policy.Attempts.PenaltyPercent > 0 ? $", {policy.Attempts.PenaltyPercent.ToString("0.##", CultureInfo.InvariantCulture)}% off each after the first" : "");
        (string Name, string Value)[] rows =
        [
            ("opens", When(d.Opens)),
            ("due", When(d.Due)),
            ("late until", policy.Late is { } l ? $"{When(d.Closes)} ({l.Penalty})" : "no late submissions"),
            ("attempts", attempts),
            ("counts", $"the {(policy.Gradebook == GradebookRule.Best ? "best" : "latest")} submission, penalties applied"),
            ("regrade requests", policy.Regrades.Describe()),
        ];
        var width = rows.Max(r => r.Name.Length);
        var sb = new StringBuilder("course rules").AppendLine();
        foreach (var (name, value) in rows)
        {
            sb.Append("  ").Append(name.PadRight(width)).Append("  ").AppendLine(value);
        }

        return sb.ToString();
    }

    /// <summary>A date as the pages print it without JavaScript: <c>2026-12-01 17:00 UTC+01:00</c>.</summary>
    public static string Date(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);
}
