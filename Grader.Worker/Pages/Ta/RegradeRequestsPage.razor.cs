using Microsoft.AspNetCore.Http.HttpResults;
using Grader.Data.Entities;

namespace Grader.Worker.Pages.Ta;

/// <summary>An assignment's regrade requests for TAs.</summary>
public partial class RegradeRequestsPage
{
    /// <summary>The page as an endpoint's result, its parameters named and typed by the compiler.</summary>
    /// <param name="assignmentId">Its <see cref="AssignmentId"/>.</param>
    /// <param name="rule">Its <see cref="Rule"/>.</param>
    /// <param name="open">Its <see cref="Open"/>.</param>
    /// <param name="answered">Its <see cref="Answered"/>.</param>
    /// <param name="points">Its <see cref="Points"/>.</param>
    /// <param name="draft">Its <see cref="Draft"/>.</param>
    /// <param name="status">The HTTP status.</param>
    public static RazorComponentResult<RegradeRequestsPage> Of(
        string assignmentId,
        string rule,
        IReadOnlyList<RegradeRequest> open,
        IReadOnlyList<RegradeRequest> answered,
        IReadOnlyDictionary<string, double> points,
        RegradeAnswerDraft? draft = null,
        int status = 200) =>
        new(new Dictionary<string, object?>
        {
            [nameof(AssignmentId)] = assignmentId,
            [nameof(Rule)] = rule,
            [nameof(Open)] = open,
            [nameof(Answered)] = answered,
            [nameof(Points)] = points,
            [nameof(Draft)] = draft,
        })
        { StatusCode = status };
}
