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
    public static Handout Of(Assignment assignment, string student)
    {
        var key = AnswerKeyBuilder.Build(assignment, student);
        return new(
            assignment.Id,
            assignment.Title,
            student,
            key.Values,
            [.. assignment.Questions.Select(q => new HandoutQuestion(q.Id, q.Text, q.Points(assignment.Defaults))
            {
                IsGraph = q.Graph is not null,
                Shape = q.Graph is null && key.AnswerTo(q.Id) is { } answer ? answer.Shape : null,
                Precision = q.Graph is null ? q.Tolerance(assignment.Defaults).ForStudents() : null,
            })]);
    }
}
