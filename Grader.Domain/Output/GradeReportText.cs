using System.Text;
using Grader.Domain.Grading;

namespace Grader.Domain.Output;

/// <summary>The grade for people: one line per question with status and score, then its feedback.</summary>
public static class GradeReportText
{
    /// <summary>The text of a report.</summary>
    public static string Write(GradeReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{report.Assignment} — student {report.Student ?? "(none)"}: {TensorText.Number(Math.Round(report.Score, 4))} / {TensorText.Number(report.MaxScore)}");
        var width = report.Questions.Count == 0 ? 0 : report.Questions.Max(q => q.Id.Length);
        foreach (var q in report.Questions)
        {
            var score = $"{TensorText.Number(Math.Round(q.Score, 4))}/{TensorText.Number(q.MaxScore)}";
            sb.AppendLine($"  {q.Id.PadRight(width)}  {q.Status.ToString().ToLowerInvariant(),-9}  {score,9}  {q.Feedback}");
        }

        foreach (var w in report.Warnings)
        {
            sb.AppendLine("warning: " + w);
        }

        return sb.ToString();
    }
}
