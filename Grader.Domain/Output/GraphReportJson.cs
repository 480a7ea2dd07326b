using System.Text.Json;
using Grader.Domain.Graphs;

namespace Grader.Domain.Output;

/// <summary>
/// A graph question's part of the report JSON: <c>given</c> and <c>expected</c> as lines
/// (<c>expected</c> null while the key is withheld, with the key's output in <c>expectedValue</c>
/// otherwise), <c>parts: {"function", "structure", "annotations"}</c> each <c>{"score", "maxScore"}</c>,
/// and <c>nodes: [{"line", "name", "text", "input", "matched", "value", "grad", "feedback"}]</c>.
/// </summary>
public static class GraphReportJson
{
    /// <summary>Writes the graph's properties into the question's object; <paramref name="expectedValue"/> writes the key's output, or is null while the key is withheld.</summary>
    public static void Write(Utf8JsonWriter writer, GraphVerdict graph, Action? expectedValue)
    {
        writer.WritePropertyName("expected");
        if (expectedValue is null || graph.Expected is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            Lines(writer, graph.Expected);
            writer.WritePropertyName("expectedValue");
            expectedValue();
        }

        writer.WritePropertyName("given");
        Lines(writer, graph.Given);
        writer.WriteStartObject("parts");
        Part(writer, "function", graph.Parts.Function, graph.Parts.FunctionMax);
        Part(writer, "structure", graph.Parts.Structure, graph.Parts.StructureMax);
        Part(writer, "annotations", graph.Parts.Annotations, graph.Parts.AnnotationsMax);
        writer.WriteEndObject();
        writer.WriteStartArray("nodes");
        foreach (var n in graph.Nodes)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", n.Line);
            writer.WriteString("name", n.Name);
            writer.WriteString("text", n.Text);
            writer.WriteBoolean("input", n.IsInput);
            Nullable(writer, "matched", expectedValue is null ? null : n.Matched);
            Nullable(writer, "value", n.Value);
            Nullable(writer, "grad", n.Grad);
            Nullable(writer, "feedback", n.Feedback);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads the graph's properties back from a question's object.</summary>
    public static GraphVerdict Read(JsonElement q)
    {
        static IReadOnlyList<string>? ReadLines(JsonElement e) =>
            e.ValueKind == JsonValueKind.Array ? [.. e.EnumerateArray().Select(x => x.GetString() ?? "")] : null;
        static string? Text(JsonElement o, string name) =>
            o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var parts = q.GetProperty("parts");
        double Score(string part, string what) => parts.GetProperty(part).GetProperty(what).GetDouble();
        return new GraphVerdict(
            ReadLines(q.GetProperty("given")) ?? [],
            ReadLines(q.GetProperty("expected")),
            new GraphParts(
                Score("function", "score"), Score("function", "maxScore"),
                Score("structure", "score"), Score("structure", "maxScore"),
                Score("annotations", "score"), Score("annotations", "maxScore")),
            [.. q.GetProperty("nodes").EnumerateArray().Select(n => new GraphNodeVerdict(
                n.GetProperty("line").GetInt32(), Text(n, "name") ?? "", Text(n, "text") ?? "", n.GetProperty("input").GetBoolean(),
                Text(n, "matched"), Text(n, "value"), Text(n, "grad"), Text(n, "feedback")))]);
    }

    private static void Lines(Utf8JsonWriter writer, IReadOnlyList<string> lines)
    {
        writer.WriteStartArray();
        foreach (var l in lines)
        {
            writer.WriteStringValue(l);
        }

        writer.WriteEndArray();
    }

    private static void Part(Utf8JsonWriter writer, string name, double score, double max)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("score", score);
        writer.WriteNumber("maxScore", max);
        writer.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
