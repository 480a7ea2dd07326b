using Grader.Domain.Assignments;
using Grader.Reference;

namespace Grader.Domain.Students;

/// <summary>
/// One student's copy of an assignment: their own values (exactly those they are graded against,
/// as <c>key --student</c> prints them) and the questions, without answers.
/// </summary>
public sealed record Handout(string Id, string Title, string Student, IReadOnlyList<KeyValuePair<string, Tensor>> Values, IReadOnlyList<HandoutQuestion> Questions)
{
    /// <summary>The handout of a student's variant.</summary>
    public static Handout Of(Assignment assignment, string student) => new(
        assignment.Id,
        assignment.Title,
        student,
        AnswerKeyBuilder.Instantiate(assignment, student),
        [.. assignment.Questions.Select(q => new HandoutQuestion(q.Id, q.Text, q.Points(assignment.Defaults)) { IsGraph = q.Graph is not null, Precision = q.Graph is null ? q.Tolerance(assignment.Defaults).ForStudents() : null })]);
}
