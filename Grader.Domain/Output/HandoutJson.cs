using System.Text.Json;
using Grader.Domain.Policy;
using Grader.Domain.Students;

namespace Grader.Domain.Output;

/// <summary>
/// A handout as JSON: <c>{"id", "title", "student", "values": {"NAME": number or nested list},
/// "questions": [{"id", "text", "points", "precision"}]}</c>; with the student's standing,
/// <c>"rules": {"due", "lateUntil", "latePenalty", "attemptsUsed", "attemptsMax", "nextPenalty",
/// "nextRefused"}</c> (dates ISO 8601 with the course's offset; <c>nextPenalty</c> null when the next
/// submission would be refused, with <c>nextRefused</c> saying why) and <c>"submissions": [{"id",
/// "attempt", "receivedAt", "late", "raw", "penalty", "score", "maxScore"}]</c> (penalty in points,
/// score the counted one, as the gradebook counts it).
/// </summary>
public static class HandoutJson
{
    /// <summary>The JSON text of a handout.</summary>
    public static string Write(Handout handout, bool indented = true) => JsonText.Of(writer => Write(writer, handout), indented);

    /// <summary>The JSON text of a handout with the student's rules and submissions (none when <paramref name="rules"/> is null).</summary>
    public static string Write(Handout handout, StudentRules? rules, bool indented = true) => JsonText.Of(writer => Write(writer, handout, rules), indented);

    /// <summary>Writes a handout at the writer's position, with the student's rules and submissions when given.</summary>
    public static void Write(Utf8JsonWriter writer, Handout handout, StudentRules? rules = null)
    {
        writer.WriteStartObject();
        writer.WriteString("id", handout.Id);
        writer.WriteString("title", handout.Title);
        writer.WriteString("student", handout.Student);
        writer.WriteStartObject("values");
        foreach (var (name, value) in handout.Values)
        {
            writer.WritePropertyName(name);
            TensorJson.Write(writer, value);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("questions");
        foreach (var q in handout.Questions)
        {
            writer.WriteStartObject();
            writer.WriteString("id", q.Id);
            writer.WriteString("text", q.Text);
            writer.WriteNumber("points", q.Points);
            writer.WriteString("precision", q.Precision);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (rules is not null)
        {
            WriteRules(writer, rules);
        }

        writer.WriteEndObject();
    }

    private static void WriteRules(Utf8JsonWriter writer, StudentRules rules)
    {
        static string? Iso(DateTimeOffset? t) => t?.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteStartObject("rules");
        writer.WriteString("due", Iso(rules.Due));
        writer.WriteString("lateUntil", Iso(rules.LateUntil));
        writer.WriteString("latePenalty", rules.LatePenalty?.ToString());
        writer.WriteNumber("attemptsUsed", rules.AttemptsUsed);
        if (rules.AttemptsMax is { } max)
        {
            writer.WriteNumber("attemptsMax", max);
        }
        else
        {
            writer.WriteNull("attemptsMax");
        }

        writer.WriteString("nextPenalty", rules.Next.Accepted ? StudentRules.Percent(rules.Next.Penalty) : null);
        writer.WriteString("nextRefused", rules.Next.Reason);
        writer.WriteEndObject();
        writer.WriteStartArray("submissions");
        foreach (var s in rules.Submissions)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", s.Attempt.SubmissionId);
            writer.WriteNumber("attempt", s.Admission.Attempt);
            writer.WriteString("receivedAt", Iso(s.Attempt.ReceivedAt));
            writer.WriteBoolean("late", s.Admission.IsLate);
            Number(writer, "raw", s.Attempt.Score);
            Number(writer, "penalty", s.PenaltyPoints);
            Number(writer, "score", s.Counted);
            Number(writer, "maxScore", s.Attempt.MaxScore);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, Math.Round(v, 10));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
