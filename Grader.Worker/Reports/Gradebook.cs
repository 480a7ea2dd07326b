using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Grader.Domain.Grading;

namespace Grader.Worker.Reports;

/// <summary>
/// The gradebook of an assignment: one row per student (their latest graded submission), a
/// column per question and the total. CSV for spreadsheets and LMS imports, and the same as JSON.
/// </summary>
public sealed record Gradebook(string Assignment, IReadOnlyList<string> Questions, IReadOnlyList<(SubmissionRow Row, GradeReport Report)> Students)
{
    /// <summary>The CSV text: <c>student, submission, submitted_at, question ids…, total, max_score</c>.</summary>
    public string ToCsv()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteField("student");
            csv.WriteField("submission");
            csv.WriteField("submitted_at");
            foreach (var q in Questions)
            {
                csv.WriteField(q);
            }

            csv.WriteField("total");
            csv.WriteField("max_score");
            csv.EndRecord();
            foreach (var (row, report) in Students)
            {
                csv.WriteField(row.Student);
                csv.WriteField(row.Id.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(row.ReceivedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                foreach (var q in Questions)
                {
                    if (report.Questions.FirstOrDefault(r => r.Id == q) is { } result)
                    {
                        csv.WriteField(Math.Round(result.Score, 6), "0.######");
                    }
                    else
                    {
                        csv.WriteField("");
                    }
                }

                csv.WriteField(Math.Round(report.Score, 6), "0.######");
                csv.WriteField(Math.Round(report.MaxScore, 6), "0.######");
                csv.EndRecord();
            }
        }

        return text.ToString();
    }

    /// <summary>The same as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        assignment = Assignment,
        questions = Questions,
        students = Students.Select(s => new
        {
            student = s.Row.Student,
            submission = s.Row.Id,
            submittedAt = s.Row.ReceivedAt,
            scores = Questions.ToDictionary(q => q, q => s.Report.Questions.FirstOrDefault(r => r.Id == q)?.Score),
            total = s.Report.Score,
            maxScore = s.Report.MaxScore,
        }),
    }, new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Builds the gradebook from each student's latest report.</summary>
    public static Gradebook Of(string assignment, IReadOnlyList<(SubmissionRow Row, GradeReport Report)> students, IEnumerable<string> questionOrder) =>
        new(assignment, [.. questionOrder.Union(students.SelectMany(s => s.Report.Questions.Select(q => q.Id)))], students);
}
