using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grader.Domain.Output;
using Grader.Reference;

namespace Grader.Domain.Grading;

/// <summary>
/// Wrong answers grouped by parsed value, as Gradescope's answer groups: two answers are one
/// group when they have the same shape and their elements are equal to 15 significant figures, so
/// <c>1/2</c> and <c>0.5</c> are one group and <c>[0.5, 1]</c> and <c>[[0.5, 1]]</c> are two; a one-element
/// answer is a number, as grading reads it (<c>[0.5]</c> is <c>0.5</c>). Only incorrect
/// and partial answers that were read (a given tensor) are grouped.
/// </summary>
public static class AnswerGroups
{
    /// <summary>How many characters of an answer are kept for display.</summary>
    public const int MaxAnswerText = 300;

    /// <summary>The group key of a given answer: a hash of its shape and its elements to 15 significant figures.</summary>
    public static string KeyOf(Tensor given)
    {
        // A one-element tensor is a number, as grading reads it (and as a stored report keeps it).
        var text = new StringBuilder("(").Append(given.Data.Length == 1 ? "" : string.Join(",", given.Shape)).Append(')');
        foreach (var v in given.Data)
        {
            // -0 is 0; G15 is the element to 15 significant figures.
            text.Append(' ').Append((v == 0 ? 0 : v).ToString("G15", CultureInfo.InvariantCulture));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..24];
    }

    /// <summary>Whether the result is a wrong answer that was read (incorrect or partial, with a given tensor).</summary>
    public static bool IsWrong(QuestionResult q) => q.Status is QuestionStatus.Incorrect or QuestionStatus.Partial && q.Given is not null;

    /// <summary>The group of the result's answer while it is wrong; null for a right, missing or unreadable one.</summary>
    public static string? KeyOf(QuestionResult q) => IsWrong(q) ? KeyOf(q.Given!) : null;

    /// <summary>
    /// The distinct wrong answers to one question among the reports, most students first: each
    /// with its key, the answer as text, its members (the ids given with the reports) and how many
    /// distinct students gave it.
    /// </summary>
    public static IReadOnlyList<AnswerGroup> Of(string questionId, IEnumerable<(long Id, string? Student, GradeReport Report)> reports) =>
        [.. reports
            .Select(r => (r.Id, r.Student, Result: r.Report.Questions.FirstOrDefault(q => q.Id == questionId)))
            .Where(r => r.Result is not null && IsWrong(r.Result))
            .GroupBy(r => KeyOf(r.Result!.Given!))
            .Select(g => new AnswerGroup(
                questionId,
                g.Key,
                Cut(TensorText.Inline(g.First().Result!.Given!)),
                [.. g.Select(r => r.Id).Order()],
                g.Select(r => r.Student ?? "#" + r.Id.ToString(CultureInfo.InvariantCulture)).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(g => g.Students).ThenByDescending(g => g.Members.Count).ThenBy(g => g.Answer, StringComparer.Ordinal)];

    private static string Cut(string text) => text.Length <= MaxAnswerText ? text : text[..(MaxAnswerText - 1)] + "…";
}
