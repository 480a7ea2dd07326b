using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Grader.Domain.Grading;

namespace Grader.Worker.Reports;

/// <summary>
/// The gradebook of an assignment: one row per student (the submission the course rules count),
/// a column per question (raw), the raw total, the penalty, the counted total, attempts, how late,
/// and whether the grade used an older version of the assignment. CSV for spreadsheets and LMS
/// imports, and the same as JSON.
/// </summary>
public sealed record Gradebook(string Assignment, IReadOnlyList<string> Questions, IReadOnlyList<(Standing Standing, GradeReport Report)> Students)
{
    /// <summary>
    /// The CSV text: <c>student, submission, submitted_at, question ids…, raw, penalty, total,
    /// max_score, attempts, late_hours, outdated</c>; <c>total</c> is the counted score.
    /// </summary>
    public string ToCsv()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            foreach (var h in (string[])["student", "submission", "submitted_at", .. Questions, "raw", "penalty", "total", "max_score", "attempts", "late_hours", "outdated"])
            {
                csv.WriteField(h);
            }

            csv.EndRecord();
            foreach (var (s, report) in Students)
            {
                csv.WriteField(s.Student);
                csv.WriteField(s.Row.Id.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(s.Row.ReceivedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
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
                csv.WriteField(Math.Round(s.Penalty, 6), "0.######");
                csv.WriteField(Math.Round(s.Total, 6), "0.######");
                csv.WriteField(Math.Round(report.MaxScore, 6), "0.######");
                csv.WriteField(s.Attempts.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(Math.Round(s.Counted.Admission.Late.TotalHours, 2), "0.##");
                csv.WriteField(s.Outdated ? "yes" : "no");
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
            student = s.Standing.Student,
            submission = s.Standing.Row.Id,
            submittedAt = s.Standing.Row.ReceivedAt,
            scores = Questions.ToDictionary(q => q, q => s.Report.Questions.FirstOrDefault(r => r.Id == q)?.Score),
            raw = s.Report.Score,
            penalty = s.Standing.Penalty,
            total = s.Standing.Total,
            maxScore = s.Report.MaxScore,
            attempts = s.Standing.Attempts,
            lateHours = Math.Round(s.Standing.Counted.Admission.Late.TotalHours, 2),
            outdated = s.Standing.Outdated,
        }),
    }, new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Builds the gradebook from each student's counted report.</summary>
    public static Gradebook Of(string assignment, IReadOnlyList<(Standing Standing, GradeReport Report)> students, IEnumerable<string> questionOrder) =>
        new(assignment, [.. questionOrder.Union(students.SelectMany(s => s.Report.Questions.Select(q => q.Id)))], students);
}
