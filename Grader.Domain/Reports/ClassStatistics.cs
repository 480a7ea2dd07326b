using Grader.Domain.Grading;
using Grader.Domain.Output;

namespace Grader.Domain.Reports;

/// <summary>
/// Statistics of one graded report per student: the score histogram (ten bins of the share of
/// the maximum, the last one closed) and per-question statistics.
/// </summary>
public sealed record ClassStatistics(int Students, double MeanScore, double MaxScore, int[] Histogram, IReadOnlyList<QuestionStatistics> Questions)
{
    /// <summary>How many of the most common wrong answers and feedback lines are kept.</summary>
    public const int Top = 3;

    /// <summary>
    /// Computes the statistics of the reports (one per student). The histogram bins
    /// <paramref name="counted"/> (each student's score after the course's penalties, in the
    /// reports' order) when given, as the gradebook counts them; else each report's own score.
    /// </summary>
    public static ClassStatistics Of(IReadOnlyList<GradeReport> reports, IReadOnlyList<double>? counted = null)
    {
        var histogram = new int[10];
        for (var i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            var score = counted is not null && i < counted.Count ? counted[i] : r.Score;
            var share = r.MaxScore > 0 ? score / r.MaxScore : 0;
            // Rounded first, so that 4.8 of 6 (0.7999… in binary) falls in 80–90 %, as it reads.
            histogram[Math.Clamp((int)Math.Floor(Math.Round(share * 10, 9)), 0, 9)]++;
        }

        var ids = reports.SelectMany(r => r.Questions.Select(q => q.Id)).Distinct().ToList();
        var questions = ids.Select(id =>
        {
            var results = reports.Select(r => r.Questions.FirstOrDefault(q => q.Id == id)).OfType<QuestionResult>().ToList();
            double Share(QuestionStatus s) => results.Count == 0 ? 0 : (double)results.Count(q => q.Status == s) / results.Count;
            var wrong = results.Where(q => q.Status is QuestionStatus.Incorrect or QuestionStatus.Partial && q.Given is not null)
                .GroupBy(q => AnswerGroups.KeyOf(q.Given!))
                .Select(g => (TensorText.Inline(g.First().Given!), g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Item1, StringComparer.Ordinal).Take(Top).ToList();
            var feedback = results.Where(q => q.Status != QuestionStatus.Correct)
                .GroupBy(q => q.Feedback)
                .Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal).Take(Top).ToList();
            return new QuestionStatistics(
                id,
                results.Count == 0 ? 0 : results.Average(q => q.Score),
                results.Count == 0 ? 0 : results[0].MaxScore,
                Share(QuestionStatus.Correct),
                Share(QuestionStatus.Partial),
                Share(QuestionStatus.Incorrect),
                Share(QuestionStatus.Missing),
                Share(QuestionStatus.Invalid),
                wrong,
                feedback);
        }).ToList();
        return new ClassStatistics(
            reports.Count,
            reports.Count == 0 ? 0 : reports.Average(r => r.Score),
            reports.Count == 0 ? 0 : reports.Max(r => r.MaxScore),
            histogram,
            questions);
    }
}
