using System.Text.Json;
using Grader.Domain.Students;

namespace Grader.Domain.Output;

/// <summary>
/// A handout as JSON: <c>{"id", "title", "student", "values": {"NAME": number or nested list},
/// "questions": [{"id", "text", "points"}]}</c>.
/// </summary>
public static class HandoutJson
{
    /// <summary>The JSON text of a handout.</summary>
    public static string Write(Handout handout, bool indented = true) => JsonText.Of(writer => Write(writer, handout), indented);

    /// <summary>Writes a handout at the writer's position.</summary>
    public static void Write(Utf8JsonWriter writer, Handout handout)
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
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
