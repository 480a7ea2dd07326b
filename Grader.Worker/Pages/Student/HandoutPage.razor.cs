using Microsoft.AspNetCore.Http.HttpResults;
using Grader.Domain.Students;

namespace Grader.Worker.Pages.Student;

/// <summary>A student's printable handout.</summary>
public partial class HandoutPage
{
    /// <summary>The page as an endpoint's result, its parameters named and typed by the compiler.</summary>
    /// <param name="handout">Its <see cref="Handout"/>.</param>
    /// <param name="name">Its <see cref="Name"/>.</param>
    /// <param name="rules">Its <see cref="Rules"/>.</param>
    /// <param name="now">Its <see cref="Now"/>.</param>
    /// <param name="status">The HTTP status.</param>
    public static RazorComponentResult<HandoutPage> Of(
        Handout handout,
        string? name,
        Grader.Domain.Policy.StudentRules? rules,
        DateTimeOffset now,
        int status = 200) =>
        new(new Dictionary<string, object?>
        {
            [nameof(Handout)] = handout,
            [nameof(Name)] = name,
            [nameof(Rules)] = rules,
            [nameof(Now)] = now,
        })
        { StatusCode = status };
}
