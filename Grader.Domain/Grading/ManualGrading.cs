namespace Grader.Domain.Grading;

/// <summary>
/// Applies TAs' score overrides to a report: each overridden question gets the TA's score (the
/// automatic one is kept beside it) and the total is summed again. Applying again, or to a
/// report graded anew by a regrade, gives the same result, so overrides survive regrades.
/// </summary>
public static class ManualGrading
{
    /// <summary>
    /// The report with the latest override of each question applied (overrides of unknown questions
    /// are ignored). An answer group's override counts only while the question's automatic result
    /// is wrong with an answer of that group; of those that count, the latest (by time, then by
    /// order) is in force, so a TA's own score made after the group's wins.
    /// </summary>
    public static GradeReport Apply(GradeReport report, IEnumerable<ScoreOverride> overrides)
    {
        var byQuestion = overrides.GroupBy(o => o.QuestionId).ToDictionary(g => g.Key, g => g.ToList());
        if (byQuestion.Count == 0)
        {
            return report;
        }

        var questions = report.Questions.Select(q => byQuestion.TryGetValue(q.Id, out var list)
            && list.Where(o => o.GroupKey is null || o.GroupKey == AnswerGroups.KeyOf(q)).OrderBy(o => o.At).LastOrDefault() is { } o
            ? q with { Score = Math.Clamp(o.Score, 0, q.MaxScore), Override = o with { AutoScore = q.Override?.AutoScore ?? q.Score } }
            : q).ToList();
        return report with { Questions = questions, Score = questions.Sum(q => q.Score) };
    }

    /// <summary>
    /// The report's automatic scores with the given overrides applied afresh: overrides already in
    /// the report that are no longer given (undone, or no longer applying) are taken back.
    /// </summary>
    public static GradeReport Reapply(GradeReport report, IEnumerable<ScoreOverride> overrides)
    {
        var automatic = report.Questions.Select(q => q.Override is { } o ? q with { Score = o.AutoScore, Override = null } : q).ToList();
        return Apply(report with { Questions = automatic, Score = automatic.Sum(q => q.Score) }, overrides);
    }

    /// <summary>Null when a TA may set this score on the question; otherwise why not.</summary>
    public static string? Check(GradeReport report, string questionId, double score)
    {
        if (report.Questions.FirstOrDefault(q => q.Id == questionId) is not { } q)
        {
            return $"no question '{questionId}' in this submission's report (questions: {string.Join(", ", report.Questions.Select(x => x.Id))})";
        }

        return double.IsFinite(score) && score >= 0 && score <= q.MaxScore ? null : $"the score must be from 0 to {q.MaxScore}, got {score}";
    }
}
