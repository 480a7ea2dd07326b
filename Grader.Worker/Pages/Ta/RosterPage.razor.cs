using Microsoft.AspNetCore.Http.HttpResults;
using Grader.Worker.Access;

namespace Grader.Worker.Pages.Ta;

/// <summary>The class list page.</summary>
public partial class RosterPage
{
    /// <summary>The page as an endpoint's result, its parameters named and typed by the compiler.</summary>
    /// <param name="students">Its <see cref="Students"/>.</param>
    /// <param name="message">Its <see cref="Message"/>.</param>
    /// <param name="status">The HTTP status.</param>
    public static RazorComponentResult<RosterPage> Of(
        IReadOnlyList<StudentIdentity> students,
        string? message,
        int status = 200) =>
        new(new Dictionary<string, object?>
        {
            [nameof(Students)] = students,
            [nameof(Message)] = message,
        })
        { StatusCode = status };
}
