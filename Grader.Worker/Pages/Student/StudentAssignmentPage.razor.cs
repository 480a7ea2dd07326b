using Microsoft.AspNetCore.Http.HttpResults;
using Grader.Domain.Students;
using Grader.Worker.Access;
using Grader.Worker.Students;

namespace Grader.Worker.Pages.Student;

/// <summary>An assignment's page for its student.</summary>
public partial class StudentAssignmentPage
{
    /// <summary>The page as an endpoint's result, its parameters named and typed by the compiler.</summary>
    /// <param name="student">Its <see cref="Student"/>.</param>
    /// <param name="handout">Its <see cref="Handout"/>.</param>
    /// <param name="form">Its <see cref="Form"/>.</param>
    /// <param name="checks">Its <see cref="Checks"/>.</param>
    /// <param name="submissions">Its <see cref="Submissions"/>.</param>
    /// <param name="rules">Its <see cref="Rules"/>.</param>
    /// <param name="now">Its <see cref="Now"/>.</param>
    /// <param name="notice">Its <see cref="Notice"/>.</param>
    /// <param name="error">Its <see cref="Error"/>.</param>
    /// <param name="warnings">Its <see cref="Warnings"/>.</param>
    /// <param name="status">The HTTP status.</param>
    public static RazorComponentResult<StudentAssignmentPage> Of(
        StudentIdentity student,
        Handout handout,
        AnswerForm? form,
        IReadOnlyList<FieldCheck>? checks,
        IReadOnlyList<StudentSubmission> submissions,
        Grader.Domain.Policy.StudentRules? rules,
        DateTimeOffset now,
        string? notice,
        string? error,
        IReadOnlyList<string>? warnings = null,
        int status = 200) =>
        new(new Dictionary<string, object?>
        {
            [nameof(Student)] = student,
            [nameof(Handout)] = handout,
            [nameof(Form)] = form,
            [nameof(Checks)] = checks,
            [nameof(Submissions)] = submissions,
            [nameof(Rules)] = rules,
            [nameof(Now)] = now,
            [nameof(Notice)] = notice,
            [nameof(Error)] = error,
            [nameof(Warnings)] = warnings,
        })
        { StatusCode = status };
}
