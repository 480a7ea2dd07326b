using System.Text.Json;
using Grader.Domain.Grading;
using Grader.Reference;

namespace Grader.Domain.Output;

/// <summary>Reads back a report written by <see cref="GradeReportJson"/>.</summary>
public static class GradeReportJsonReader
{
    /// <summary>The report of a JSON text.</summary>
    public static GradeReport Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var questions = root.GetProperty("questions").EnumerateArray().Select(q => new QuestionResult(
            q.GetProperty("id").GetString()!,
            null,
            Enum.Parse<QuestionStatus>(q.GetProperty("status").GetString()!, ignoreCase: true),
            q.GetProperty("score").GetDouble(),
            q.GetProperty("maxScore").GetDouble(),
            q.TryGetProperty("parts", out _) ? (q.TryGetProperty("expectedValue", out var ev) ? ReadTensor(ev) : null) : ReadTensor(q.GetProperty("expected")),
            q.TryGetProperty("parts", out _) ? null : ReadTensor(q.GetProperty("given")),
            q.GetProperty("feedback").GetString() ?? "",
            q.TryGetProperty("wrong", out var w) ? [.. w.EnumerateArray().Select(i => i.EnumerateArray().Select(x => x.GetInt32()).ToArray())] : [],
            q.TryGetProperty("feedbackWithoutKey", out var f) ? f.GetString() : null,
            q.TryGetProperty("override", out var o) ? new ScoreOverride(q.GetProperty("id").GetString()!, o.GetProperty("score").GetDouble(), o.GetProperty("autoScore").GetDouble(),
                o.GetProperty("comment").GetString() ?? "", o.GetProperty("by").GetString() ?? "", o.GetProperty("at").GetDateTime()) : null)
        {
            Graph = q.TryGetProperty("parts", out _) ? GraphReportJson.Read(q) : null,
        }).ToList();
        return new GradeReport(
            root.GetProperty("assignment").GetString()!,
            root.GetProperty("student").ValueKind == JsonValueKind.Null ? null : root.GetProperty("student").GetString(),
            root.GetProperty("score").GetDouble(),
            root.GetProperty("maxScore").GetDouble(),
            questions,
            [.. root.GetProperty("warnings").EnumerateArray().Select(x => x.GetString()!)]);
    }

    /// <summary>A tensor from a JSON number or nested arrays, or null.</summary>
    public static Tensor? ReadTensor(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind == JsonValueKind.Number)
        {
            return Tensor.Scalar(e.GetDouble());
        }

        var shape = new List<int>();
        for (var x = e; x.ValueKind == JsonValueKind.Array; x = x.GetArrayLength() > 0 ? x[0] : default)
        {
            shape.Add(x.GetArrayLength());
            if (x.GetArrayLength() == 0)
            {
                break;
            }
        }

        var data = new List<double>();
        Flatten(e, data);
        return new Tensor([.. shape], [.. data]);
    }

    private static void Flatten(JsonElement e, List<double> data)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Flatten(item, data);
            }
        }
        else
        {
            data.Add(e.GetDouble());
        }
    }
}
