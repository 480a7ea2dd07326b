namespace Grader.Domain.Grading;

/// <summary>
/// The one place a student's view of a grade is derived from the full one: for every question
/// whose key is withheld, the key is removed and the feedback replaced by its key-free form
/// (which elements are wrong, the mistake's name, never the key's numbers). Every path that
/// shows a grade to a student (the API, the report page, the CLI's <c>--as-student</c>) goes
/// through here; TAs read the full report.
/// </summary>
public static class KeyRedaction
{
    /// <summary>The report as the student may see it; <paramref name="withheld"/> says, by question id, whose key is not released.</summary>
    public static GradeReport ForStudent(GradeReport full, Func<string, bool> withheld) => full with
    {
        Questions = [.. full.Questions.Select(q => withheld(q.Id)
            ? q with { Expected = null, Feedback = WithoutKey(q), FeedbackWithoutKey = null, Graph = q.Graph?.WithoutKey() }
            : q with { FeedbackWithoutKey = null })],
    };

    /// <summary>The question's feedback without the key's numbers (rebuilt from the wrong elements for reports stored before the grader wrote it).</summary>
    public static string WithoutKey(QuestionResult q)
    {
        if (q.FeedbackWithoutKey is { } stored)
        {
            return stored;
        }

        return q.Status switch
        {
            QuestionStatus.Correct => "correct",
            QuestionStatus.Missing or QuestionStatus.Invalid => q.Feedback,
            _ when q.Wrong.Count == 0 || q.Wrong.All(ix => ix.Length == 0) => "not within the tolerance of the key",
            _ => $"wrong element{(q.Wrong.Count > 1 ? "s" : "")}: " + string.Join(", ", q.Wrong.Take(5).Select(ix => $"[{string.Join(", ", ix)}]"))
                 + (q.Wrong.Count > 5 ? $"; and {q.Wrong.Count - 5} more" : ""),
        };
    }
}
