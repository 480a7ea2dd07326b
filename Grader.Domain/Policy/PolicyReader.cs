using System.Globalization;
using System.Text.RegularExpressions;
using Grader.Domain.Yaml;

namespace Grader.Domain.Policy;

/// <summary>
/// Reads an assignment's course rules from its top-level keys <c>opens</c>, <c>due</c>,
/// <c>late</c>, <c>attempts</c>, <c>gradebook</c>, <c>timezone</c> and <c>regrade_requests</c>, reporting every problem at its line and column.
/// </summary>
public static partial class PolicyReader
{
    /// <summary>The top-level keys this reader owns.</summary>
    public static readonly string[] Keys = ["opens", "due", "late", "attempts", "gradebook", "timezone", "regrade_requests"];

    /// <summary>The policy of an assignment's top-level mapping (<see cref="CoursePolicy.None"/> parts where keys are absent).</summary>
    public static CoursePolicy Read(YMapping top, DiagnosticBag bag)
    {
        TimeZoneInfo? zone = null;
        if (top["timezone"] is { } tz && YamlValues.Text(tz, bag, "timezone") is { } tzText)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(tzText, out zone))
            {
                bag.Report(tz, $"unknown time zone '{YamlValues.Shorten(tzText)}' (use an IANA name such as Europe/Berlin, or UTC)");
            }
        }

        var opens = top["opens"] is { } o ? Time(o, bag, "opens", endOfDay: false) : null;
        var due = top["due"] is { } d ? Time(d, bag, "due", endOfDay: true) : null;
        var late = top["late"] is { } l ? Late(l, bag) : null;
        var attempts = top["attempts"] is { } a ? Attempts(a, bag) : AttemptRule.Unlimited;
        var gradebook = GradebookRule.Best;
        if (top["gradebook"] is { } g && YamlValues.Text(g, bag, "gradebook") is { } gText)
        {
            switch (gText)
            {
                case "best": gradebook = GradebookRule.Best; break;
                case "latest": gradebook = GradebookRule.Latest; break;
                default: bag.Report(g, $"gradebook must be best or latest, got '{YamlValues.Shorten(gText)}'"); break;
            }
        }

        var zoneForChecks = zone ?? TimeZoneInfo.Utc;
        if (late is not null && due is null)
        {
            bag.Report(top["late"]!, "a late window needs a due date: add due");
        }
        else if (late is not null && late.Until.At(zoneForChecks) <= due!.At(zoneForChecks))
        {
            bag.Report(((YMapping)top["late"]!)["until"]!, $"late.until ({late.Until}) must be after due ({due})");
        }

        if (opens is not null && due is not null && opens.At(zoneForChecks) >= due.At(zoneForChecks))
        {
            bag.Report(top["opens"]!, $"opens ({opens}) must be before due ({due})");
        }

        var regrades = top["regrade_requests"] is { } r ? Regrades(r, bag) : RegradeRule.Never;
        return new CoursePolicy(opens, due, late, attempts, gradebook, zone) { Regrades = regrades };
    }

    /// <summary>The earliest year a course time may name.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year a course time may name (a late window or an extension added to it stays within the calendar).</summary>
    public const int MaxYear = 9000;

    /// <summary>
    /// A date and time: ISO 8601 with an offset (<c>2026-12-01T17:00:00+01:00</c>, <c>…Z</c>) or
    /// without one (the course's time zone); a date alone is the start of that day for
    /// <c>opens</c> and its end (23:59:59) for <c>due</c> and <c>until</c>; years
    /// <see cref="MinYear"/> to <see cref="MaxYear"/>.
    /// </summary>
    public static PolicyTime? Time(YNode node, DiagnosticBag bag, string what, bool endOfDay)
    {
        var text = YamlValues.Text(node, bag, what);
        if (text is null)
        {
            return null;
        }

        var m = DateTimeText().Match(text.Trim());
        if (!m.Success || !DateTime.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            bag.Report(node, $"{what} must be a date and time in ISO 8601, such as 2026-12-01T17:00:00+01:00 or 2026-12-01 17:00 (in the course's time zone), got '{YamlValues.Shorten(text)}'");
            return null;
        }

        // Far enough from the calendar's ends that a time zone, a late window or an extension added to it stays a date.
        if (date.Year is < MinYear or > MaxYear)
        {
            bag.Report(node, $"{what} must be in the years {MinYear} to {MaxYear}, got '{YamlValues.Shorten(text)}'");
            return null;
        }

        var time = TimeSpan.Zero;
        if (m.Groups["time"].Success)
        {
            var parts = m.Groups["time"].Value.Split(':').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            if (parts[0] > 23 || parts[1] > 59 || (parts.Length > 2 && parts[2] > 59))
            {
                bag.Report(node, $"{what}: no such time of day '{m.Groups["time"].Value}'");
                return null;
            }

            time = new TimeSpan(parts[0], parts[1], parts.Length > 2 ? parts[2] : 0);
        }
        else if (endOfDay)
        {
            time = new TimeSpan(23, 59, 59);
        }

        TimeSpan? offset = null;
        if (m.Groups["zone"].Success)
        {
            var z = m.Groups["zone"].Value;
            if (z is "Z" or "z")
            {
                offset = TimeSpan.Zero;
            }
            else
            {
                var digits = z[1..].Replace(":", "", StringComparison.Ordinal);
                var span = new TimeSpan(int.Parse(digits[..2], CultureInfo.InvariantCulture), int.Parse(digits[2..], CultureInfo.InvariantCulture), 0);
                if (span > TimeSpan.FromHours(14))
                {
                    bag.Report(node, $"{what}: UTC offset {z} is out of range (at most ±14:00)");
                    return null;
                }

                offset = z[0] == '-' ? -span : span;
            }
        }

        return new PolicyTime(date + time, offset);
    }

    /// <summary>A date and time typed by a person (a command-line option, a form), as <see cref="Time"/> reads it; null with the error otherwise.</summary>
    public static PolicyTime? ParseTime(string text, string what, out string? error)
    {
        var bag = new DiagnosticBag(what);
        var time = Time(new YScalar(text, new SourcePosition(1, 1), false, true), bag, what, endOfDay: true);
        error = bag.IsEmpty ? null : bag.Items[0].Message;
        return time;
    }

    /// <summary>A penalty: <c>20%</c>, <c>10% per day</c> or <c>5% per hour</c> (0 to 100 percent).</summary>
    public static Penalty? ReadPenalty(YNode node, DiagnosticBag bag, string what, bool perTimeAllowed)
    {
        var text = YamlValues.Text(node, bag, what);
        if (text is null)
        {
            return null;
        }

        var m = PenaltyText().Match(text.Trim());
        var ok = m.Success && double.TryParse(m.Groups["pct"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        var unit = m.Groups["per"].Value.ToLowerInvariant();
        if (!ok || (!perTimeAllowed && unit is "day" or "hour") || (perTimeAllowed && unit == "attempt"))
        {
            var forms = perTimeAllowed ? "\"20%\", \"10% per day\" or \"5% per hour\"" : "\"10%\" (taken per attempt after the first)";
            bag.Report(node, $"{what} must be a percentage such as {forms}, got '{YamlValues.Shorten(text)}'");
            return null;
        }

        var pct = double.Parse(m.Groups["pct"].Value, CultureInfo.InvariantCulture);
        if (pct > 100)
        {
            bag.Report(node, $"{what} must be from 0% to 100%, got {pct}%");
            return null;
        }

        TimeSpan? per = m.Groups["per"].Value.ToLowerInvariant() switch
        {
            "day" => TimeSpan.FromDays(1),
            "hour" => TimeSpan.FromHours(1),
            _ => null,
        };
        return new Penalty(pct, per);
    }

    private static LateWindow? Late(YNode node, DiagnosticBag bag)
    {
        if (node is not YMapping m)
        {
            bag.Report(node, "late must be a mapping: { until: DATE, penalty: \"10% per day\" }");
            return null;
        }

        Assignments.AssignmentLoader.CheckKeys(m, ["until", "penalty"], bag, "late");
        if (m["until"] is not { } untilNode)
        {
            bag.Report(m, "late needs until: the last moment a late submission is accepted");
            return null;
        }

        var until = Time(untilNode, bag, "late.until", endOfDay: true);
        var penalty = m["penalty"] is { } p ? ReadPenalty(p, bag, "late.penalty", perTimeAllowed: true) : Penalty.None;
        return until is null || penalty is null ? null : new LateWindow(until, penalty);
    }

    /// <summary><c>regrade_requests</c>: <c>never</c>, <c>always</c>, a date (its end when no time is given), or <c>"7 days after key release"</c>.</summary>
    private static RegradeRule Regrades(YNode node, DiagnosticBag bag)
    {
        var text = YamlValues.Text(node, bag, "regrade_requests")?.Trim();
        if (text is null)
        {
            return RegradeRule.Never;
        }

        switch (text)
        {
            case "never": return RegradeRule.Never;
            case "always": return new RegradeRule(RegradeWindow.Always);
        }

        if (AfterReleaseText().Match(text) is { Success: true } m)
        {
            var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            var span = m.Groups["unit"].Value.StartsWith("hour", StringComparison.OrdinalIgnoreCase) ? TimeSpan.FromHours(n) : TimeSpan.FromDays(n);
            if (n <= 0 || span > TimeSpan.FromDays(3650))
            {
                bag.Report(node, $"regrade_requests: the span after key release must be more than 0 and at most 3650 days, got '{YamlValues.Shorten(text)}'");
                return RegradeRule.Never;
            }

            return new RegradeRule(RegradeWindow.AfterKeyRelease, AfterRelease: span);
        }

        if (DateTimeText().IsMatch(text))
        {
            return Time(node, bag, "regrade_requests", endOfDay: true) is { } until ? new RegradeRule(RegradeWindow.Until, until) : RegradeRule.Never;
        }

        bag.Report(node, $"regrade_requests must be never, always, a date (2026-12-15 or 2026-12-15T17:00) or \"7 days after key release\", got '{YamlValues.Shorten(text)}'");
        return RegradeRule.Never;
    }

    private static AttemptRule Attempts(YNode node, DiagnosticBag bag)
    {
        if (node is YScalar)
        {
            return YamlValues.Whole(node, bag, "attempts", 1, 10000) is { } n ? new AttemptRule(n, 0) : AttemptRule.Unlimited;
        }

        if (node is not YMapping m)
        {
            bag.Report(node, "attempts must be a number or a mapping { max: N, penalty: \"10%\" }");
            return AttemptRule.Unlimited;
        }

        Assignments.AssignmentLoader.CheckKeys(m, ["max", "penalty"], bag, "attempts");
        int? max = m["max"] is { } x ? YamlValues.Whole(x, bag, "attempts.max", 1, 10000) : null;
        var penalty = m["penalty"] is { } p ? ReadPenalty(p, bag, "attempts.penalty", perTimeAllowed: false) : Penalty.None;
        return new AttemptRule(max, penalty?.Percent ?? 0);
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[T ](?<time>\d{2}:\d{2}(?::\d{2})?))?\s*(?<zone>Z|z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex DateTimeText();

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s+(?<unit>days?|hours?)\s+after\s+key\s+release$", RegexOptions.IgnoreCase)]
    private static partial Regex AfterReleaseText();

    [GeneratedRegex(@"^(?<pct>\d+(?:\.\d+)?)\s*%(?:\s+per\s+(?<per>day|hour|attempt))?$", RegexOptions.IgnoreCase)]
    private static partial Regex PenaltyText();
}
