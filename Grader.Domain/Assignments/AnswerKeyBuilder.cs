using Grader.Domain.Students;
using Grader.Reference;

namespace Grader.Domain.Assignments;

/// <summary>Computes the answer key of one student's variant of a loaded assignment.</summary>
public static class AnswerKeyBuilder
{
    /// <summary>How many draws a variant gets to meet the assignment's requirements.</summary>
    public const int MaxDraws = 100;

    /// <summary>Draws the variant's values (until they meet the requirements), evaluates the graph and every question.</summary>
    public static AnswerKey Build(Assignment assignment, string? studentId)
    {
        var (values, scope) = Draw(assignment, studentId);
        scope.EvaluateGraph();
        var answers = new List<KeyValuePair<string, Tensor>>(assignment.Questions.Count);
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
        Draw(assignment, studentId).Values;

    /// <summary>
    /// The first draw (0, 1, 2, …) whose values meet every requirement, with its scope. Draw 0 is
    /// the variant as it always was, so an assignment without requirements, and a student whose
    /// first draw meets them, keep their numbers. When no draw within <see cref="MaxDraws"/> does,
    /// the last is kept and the failure is recorded at the requirement that failed.
    /// </summary>
    private static (List<KeyValuePair<string, Tensor>> Values, VariantScope Scope) Draw(Assignment assignment, string? studentId)
    {
        var draws = assignment.Requirements.Count == 0 ? 1 : assignment.HasRandomValues ? MaxDraws : 1;
        for (var draw = 0; ; draw++)
        {
            var values = Values(assignment, studentId, draw);
            var scope = new VariantScope(assignment, values);
            var failed = Unmet(assignment.Requirements, scope);
            if (failed is null || scope.Failures.Count > 0)
            {
                return (values, scope);
            }

            if (draw + 1 >= draws)
            {
                var message = assignment.HasRandomValues
                    ? $"requirement {failed.Text}: no draw of {(studentId is null ? "the default variant" : $"student '{studentId}'")} meets it within {MaxDraws} draws"
                    : $"requirement {failed.Text} does not hold, and no value is random to draw again";
                scope.Report($"requirement {failed.Text}", failed.Where.At(1), message);
                return (values, scope);
            }
        }
    }

    /// <summary>The first requirement that does not hold (or cannot be evaluated) in the scope, or null.</summary>
    private static Requirement? Unmet(IReadOnlyList<Requirement> requirements, VariantScope scope)
    {
        foreach (var r in requirements)
        {
            if (scope.Holds(r) != true)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>The variant's values: those written out as they are, the others drawn from the student's stream.</summary>
    private static List<KeyValuePair<string, Tensor>> Values(Assignment assignment, string? studentId, int draw)
    {
        string? student = null;
        var values = new List<KeyValuePair<string, Tensor>>(assignment.Values.Count);
        foreach (var v in assignment.Values)
        {
            values.Add(new(v.Name, v.Spec is FixedValue given
                ? given.Value
                : v.Spec.Draw(new VariantRandom(assignment.Id, student ??= StudentIds.Key(studentId), v.Name, draw))));
        }

        return values;
    }
}
