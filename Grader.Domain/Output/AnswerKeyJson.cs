using System.Text.Json;
using Grader.Domain.Assignments;

namespace Grader.Domain.Output;

/// <summary>
/// The key as JSON: <c>{"assignment": id, "student": id-or-null, "values": {name: value}, "answers": {qid: value}}</c>.
/// </summary>
public static class AnswerKeyJson
{
    /// <summary>The JSON text of a key.</summary>
    public static string Write(AnswerKey key, bool indented = true) => JsonText.Of(writer => Write(writer, key), indented);

    /// <summary>Writes a key at the writer's position.</summary>
    public static void Write(Utf8JsonWriter writer, AnswerKey key)
    {
        writer.WriteStartObject();
        writer.WriteString("assignment", key.Assignment.Id);
        if (key.Student is null)
        {
            writer.WriteNull("student");
        }
        else
        {
            writer.WriteString("student", key.Student);
        }

        writer.WriteStartObject("values");
        foreach (var (name, value) in key.Values)
        {
            writer.WritePropertyName(name);
            TensorJson.Write(writer, value);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("answers");
        foreach (var (id, value) in key.Answers)
        {
            writer.WritePropertyName(id);
            TensorJson.Write(writer, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
