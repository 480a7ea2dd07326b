using Grader.Domain.Assignments;
using Grader.Domain.Students;
using Grader.Worker.Course;

namespace Grader.Worker.Students;

/// <summary>A student's handout of a loaded assignment: their own values (those they are graded against) and the questions.</summary>
public sealed class HandoutService(AssignmentCatalog catalog)
{
    /// <summary>The current version of an assignment, or null when it is not loaded.</summary>
    public async Task<Assignment?> AssignmentAsync(string assignmentId, CancellationToken ct = default) =>
        catalog.CurrentVersion(assignmentId) is { } v ? await catalog.GetVersionAsync(v, ct) : null;

    /// <summary>Every loaded assignment, in id order.</summary>
    public async Task<List<Assignment>> AssignmentsAsync(CancellationToken ct = default)
    {
        var result = new List<Assignment>();
        foreach (var id in catalog.Ids)
        {
            if (await AssignmentAsync(id, ct) is { } a)
            {
                result.Add(a);
            }
        }

        return result;
    }

    /// <summary>The student's handout, or null when the assignment is not loaded.</summary>
    public async Task<Handout?> ForAsync(string assignmentId, string studentId, CancellationToken ct = default) =>
        await AssignmentAsync(assignmentId, ct) is { } a ? Handout.Of(a, studentId) : null;
}
