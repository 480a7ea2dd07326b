using Grader.Domain.Assignments;

namespace Grader.Domain.Grading;

/// <summary>
/// Whether an answer file answers anything of its assignment: a file whose ids match no question
/// (a misspelt id scheme, another assignment's file) or with no answers at all is refused before it
/// is graded or uses an attempt.
/// </summary>
public static class AnswerCoverage
{
    /// <summary>The refusal for a file that answers no question of the assignment, or null when it answers one or more.</summary>
    public static string? Problem(Assignment assignment, AnswerFile file)
    {
        if (file.Answers.Count == 0)
        {
            return $"the answer file has no answers for {assignment.Id} (answers: is empty)";
        }

        if (file.Answers.Any(a => assignment.FindQuestion(a.QuestionId) is not null))
        {
            return null;
        }

        var ids = assignment.Questions.Select(q => q.Id).ToList();
        var hints = file.Answers.Take(3)
            .Select(a => DidYouMean.ClosestId(a.QuestionId, ids) is { } close ? $"'{Shorten(a.QuestionId)}' → '{close}'" : null)
            .OfType<string>().ToList();
        return $"none of the answers matches a question of {assignment.Id}"
            + (hints.Count > 0 ? $" (did you mean {string.Join(", ", hints)}?)" : $" (its questions: {string.Join(", ", ids.Take(12))}{(ids.Count > 12 ? ", …" : "")})");
    }

    private static string Shorten(string id) => id.Length <= 40 ? id : id[..40] + "…";
}
