using System.Text.Json;
using System.Text.Json.Serialization;
using Grader.Domain.Grading;
using Grader.Domain.Output;

namespace Grader.Worker.Reports;

/// <summary>A report inside a JSON answer, written by <see cref="GradeReportJson"/> straight into the answer (not parsed and written again).</summary>
[JsonConverter(typeof(Converter))]
public sealed record ReportJson(GradeReport Report)
{
    /// <summary>Writes the report's own JSON as the value.</summary>
    public sealed class Converter : JsonConverter<ReportJson>
    {
        /// <inheritdoc />
        public override ReportJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("a report is only written");

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, ReportJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(GradeReportJson.Write(value.Report, indented: false), skipInputValidation: true);
    }
}
