using System.Text.Json;
using Grader.Domain.Grading;

namespace Grader.Domain.Output;

/// <summary>
/// The grade as JSON: <c>{"assignment", "student", "score", "maxScore", "questions": [{"id", "status",
/// "score", "maxScore", "expected", "given", "feedback", "wrong"}], "warnings": []}</c>. <c>wrong</c>
/// lists the multi-indices of wrong elements; the full report (a TA's, the stored one) also has
/// <c>feedbackWithoutKey</c>, absent from a student's view (<see cref="KeyRedaction"/>); a question
/// whose score a TA set has <c>override: {"score", "autoScore", "comment", "by", "at"}</c>; a graph question has
/// the lines as <c>given</c> and <c>expected</c>, with <c>parts</c> and <c>nodes</c> (<see cref="GraphReportJson"/>); <c>expected</c> and <c>given</c> are null when absent,
/// and a one-element tensor is written as a plain number (it counts as a scalar).
/// </summary>
public static class GradeReportJson
{
    /// <summary>The JSON text of a report.</summary>
    public static string Write(GradeReport report, bool indented = true) =>
        JsonText.Of(writer => Write(writer, report), indented);

    /// <summary>Writes a report at the writer's position.</summary>
    public static void Write(Utf8JsonWriter writer, GradeReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("assignment", report.Assignment);
        WriteNullable(writer, "student", report.Student);
        writer.WriteNumber("score", report.Score);
        writer.WriteNumber("maxScore", report.MaxScore);
        writer.WriteStartArray("questions");
        foreach (var q in report.Questions)
        {
            writer.WriteStartObject();
            writer.WriteString("id", q.Id);
            writer.WriteString("status", q.Status.ToString().ToLowerInvariant());
            writer.WriteNumber("score", q.Score);
            writer.WriteNumber("maxScore", q.MaxScore);
            if (q.Graph is { } graph)
            {
                GraphReportJson.Write(writer, graph, q.Expected is null ? null : () => WriteValue(writer, q.Expected));
            }
            else
            {
                WriteValues(writer, q);
            }

            writer.WriteString("feedback", q.Feedback);
            if (q.FeedbackWithoutKey is not null)
            {
                writer.WriteString("feedbackWithoutKey", q.FeedbackWithoutKey);
            }

            if (q.Override is { } o)
            {
                writer.WriteStartObject("override");
                writer.WriteNumber("score", o.Score);
                writer.WriteNumber("autoScore", o.AutoScore);
                writer.WriteString("comment", o.Comment);
                writer.WriteString("by", o.By);
                writer.WriteString("at", o.At);
                writer.WriteEndObject();
            }

            writer.WriteStartArray("wrong");
            foreach (var index in q.Wrong)
            {
                writer.WriteStartArray();
                foreach (var i in index)
                {
                    writer.WriteNumberValue(i);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("warnings");
        foreach (var w in report.Warnings)
        {
            writer.WriteStringValue(w);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter writer, QuestionResult q)
    {
        writer.WritePropertyName("expected");
        if (q.Expected is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            WriteValue(writer, q.Expected);
        }

        writer.WritePropertyName("given");
        if (q.Given is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            WriteValue(writer, q.Given);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, Reference.Tensor t)
    {
        if (t.IsScalarLike)
        {
            writer.WriteNumberValue(t.Data[0]);
        }
        else
        {
            TensorJson.Write(writer, t);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
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
