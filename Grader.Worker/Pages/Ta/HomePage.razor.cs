using Microsoft.AspNetCore.Http.HttpResults;
using Grader.Worker.Course;
using Grader.Worker.Reports;

namespace Grader.Worker.Pages.Ta;

/// <summary>The TA home page: every assignment, the class list's size, the refused assignment files.</summary>
public partial class HomePage
{
    /// <summary>The page as an endpoint's result, its parameters named and typed by the compiler.</summary>
    /// <param name="assignments">Its <see cref="Assignments"/>.</param>
    /// <param name="students">Its <see cref="Students"/>.</param>
    /// <param name="problems">Its <see cref="Problems"/>.</param>
    /// <param name="status">The HTTP status.</param>
    public static RazorComponentResult<HomePage> Of(
        IReadOnlyList<AssignmentSummary> assignments,
        int students,
        IReadOnlyList<AssignmentProblem> problems,
        int status = 200) =>
        new(new Dictionary<string, object?>
        {
            [nameof(Assignments)] = assignments,
            [nameof(Students)] = students,
            [nameof(Problems)] = problems,
        })
        { StatusCode = status };
}
