using Microsoft.AspNetCore.Http.HttpResults;
using Grader.Domain.Assignments;
using Grader.Worker.Access;
using Grader.Worker.Students;

namespace Grader.Worker.Pages.Student;

/// <summary>The student's home page.</summary>
public partial class StudentHomePage
{
    /// <summary>The page as an endpoint's result, its parameters named and typed by the compiler.</summary>
    /// <param name="student">Its <see cref="Student"/>.</param>
    /// <param name="assignments">Its <see cref="Assignments"/>.</param>
    /// <param name="submissions">Its <see cref="Submissions"/>.</param>
    /// <param name="rules">Its <see cref="Rules"/>.</param>
    /// <param name="now">Its <see cref="Now"/>.</param>
    /// <param name="status">The HTTP status.</param>
    public static RazorComponentResult<StudentHomePage> Of(
        StudentIdentity student,
        IReadOnlyList<Assignment> assignments,
        IReadOnlyList<StudentSubmission> submissions,
        IReadOnlyDictionary<string, Grader.Domain.Policy.StudentRules> rules,
        DateTimeOffset now,
        int status = 200) =>
        new(new Dictionary<string, object?>
        {
            [nameof(Student)] = student,
            [nameof(Assignments)] = assignments,
            [nameof(Submissions)] = submissions,
            [nameof(Rules)] = rules,
            [nameof(Now)] = now,
        })
        { StatusCode = status };
}
