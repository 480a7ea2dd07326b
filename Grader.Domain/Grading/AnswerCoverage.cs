using Grader.Domain.Assignments;

namespace Grader.Domain.Grading;

/// <summary>
/// Whether an answer file answers anything of its assignment: a file whose ids match no question
/// (a misspelt id scheme, another assignment's file) or with no answers at all is refused before it
/// is graded or uses an attempt; and the warnings on one that is taken (answers to unknown ids ignored).
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

    /// <summary>
    /// Every warning a report of this file carries, in the report's order: the file's own (unknown
    /// keys, no answers), another assignment's id, each answer to a question id the assignment does
    /// not have (ignored, with a did-you-mean: <c>Y</c> → <c>y</c>, <c>dl-dw</c> → <c>dL-dW</c>;
    /// named by its line, or by its field for a file the answer page wrote), and each question
    /// answered more than once. The grader and the student's page both take them from here.
    /// </summary>
    public static List<string> Warnings(Assignment assignment, AnswerFile file)
    {
        var warnings = new List<string>(file.Warnings);
        if (file.AssignmentId != assignment.Id)
        {
            warnings.Add($"the answer file names assignment '{file.AssignmentId}' but was graded against '{assignment.Id}'");
        }

        foreach (var extra in file.Answers.Where(a => assignment.FindQuestion(a.QuestionId) is null))
        {
            var hint = DidYouMean.IdHint(extra.QuestionId, assignment.Questions.Select(q => q.Id));
            warnings.Add(file.FromFields
                ? $"unknown question id '{extra.QuestionId}' (a field of the answer page) ignored{hint}"
                : $"line {extra.Where.Line}: unknown question id '{extra.QuestionId}' ignored{hint}");
        }

        foreach (var dup in file.Answers.GroupBy(a => a.QuestionId).Where(g => g.Count() > 1))
        {
            warnings.Add($"question '{dup.Key}' answered {dup.Count()} times; the first answer is graded");
        }

        return warnings;
    }

    private static string Shorten(string id) => id.Length <= 40 ? id : id[..40] + "…";
}
