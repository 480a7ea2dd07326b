using Grader.Domain.Students;
using Grader.Reference;

namespace Grader.Domain.Assignments;

/// <summary>Computes the answer key of one student's variant of a loaded assignment.</summary>
public static class AnswerKeyBuilder
{
    /// <summary>Draws the variant's values, evaluates the graph and every question.</summary>
    public static AnswerKey Build(Assignment assignment, string? studentId)
    {
        var values = Instantiate(assignment, studentId);
        var scope = new VariantScope(assignment, values.ToDictionary());
        scope.EvaluateGraph();
        var answers = new List<KeyValuePair<string, Tensor>>();
        foreach (var q in assignment.Questions)
        {
            if (scope.Answer(q) is { } a)
            {
                answers.Add(new(q.Id, a));
            }
        }

        return new AnswerKey(assignment, studentId, values, answers, scope.Failures);
    }

    /// <summary>
    /// The values of a student's variant, in the assignment's order. The id is compared as
    /// <see cref="StudentIds.Key"/> (trimmed, case-folded): <c>Alice </c> and <c>alice</c> draw the same numbers.
    /// </summary>
    public static List<KeyValuePair<string, Tensor>> Instantiate(Assignment assignment, string? studentId) =>
        [.. assignment.Values.Select(v => new KeyValuePair<string, Tensor>(
            v.Name, v.Spec.Draw(new VariantRandom(assignment.Id, StudentIds.Key(studentId), v.Name))))];
}
