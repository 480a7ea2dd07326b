using Grader.Domain.Assignments;
using Grader.Domain.Output;
using Grader.Reference;

namespace Grader.Domain.Grading;

/// <summary>
/// Grades an answer file against the key of the student's variant, question by question:
/// shape first, then each element under the question's tolerance, partial credit per element,
/// credit carried forward from the student's own earlier answers, and feedback naming the mistake.
/// </summary>
public static class AnswerGrader
{
    private const int MaxListedElements = 5;
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Tolerance, string> PrecisionTexts = new();

    /// <summary>
    /// Builds the student's key and grades the file, all under one evaluation budget (the ambient
    /// one, e.g. the service's per-submission time budget, or else a default one).
    /// </summary>
    public static GradeReport Grade(Assignment assignment, AnswerFile file)
    {
        using var budget = Expressions.EvaluationBudget.UseDefaultIfNone();
        return Grade(AnswerKeyBuilder.Build(assignment, file.Student), file);
    }

    /// <summary>Grades a file against a key already built for its student.</summary>
    public static GradeReport Grade(AnswerKey key, AnswerFile file)
    {
        var assignment = key.Assignment;
        var warnings = AnswerCoverage.Warnings(assignment, file);

        var results = new List<QuestionResult>();
        var earlierWrong = new List<(Question, Tensor)>();
        foreach (var q in assignment.Questions)
        {
            var result = GradeQuestion(key, q, file.AnswerTo(q.Id), earlierWrong);
            results.Add(result);
            if (result.Status != QuestionStatus.Correct && result.Given is { } g && result.Expected is { } k
                && (g.SameShape(k) || (g.IsScalarLike && k.IsScalarLike)))
            {
                earlierWrong.Add((q, g));
            }
        }

        return new GradeReport(assignment.Id, file.Student, results.Sum(r => r.Score), results.Sum(r => r.MaxScore), results, warnings);
    }

    private static QuestionResult GradeQuestion(AnswerKey key, Question q, GivenAnswer? given, List<(Question, Tensor)> earlierWrong)
    {
        if (q.Graph is not null)
        {
            return Graphs.GraphGrader.Grade(key, q, given);
        }

        var a = key.Assignment;
        var points = q.Points(a.Defaults);
        var tolerance = q.Tolerance(a.Defaults);
        var expected = key.AnswerTo(q.Id);
        // An answer that was compared with the key says the precision it was held to ("4 significant figures").
        QuestionResult Result(QuestionStatus status, double score, string feedback, Tensor? value = null, IReadOnlyList<int[]>? wrong = null, string? withoutKey = null)
        {
            var precision = value is null ? "" : Precision(tolerance);
            return new(q.Id, q.Text, status, score, points, expected, value, feedback + precision, wrong ?? [], (withoutKey ?? feedback) + precision);
        }

        if (expected is null)
        {
            var over = Expressions.EvaluationBudget.Current?.Exceeded;
            return Result(QuestionStatus.Invalid, 0, over is null
                ? "the key of this question could not be computed; tell your instructor"
                : $"not graded: {over}");
        }

        if (given is null || given.IsEmpty)
        {
            return Result(QuestionStatus.Missing, 0, "no answer given");
        }

        if (given.Value is null)
        {
            return Result(QuestionStatus.Invalid, 0, given.Error!);
        }

        var value = given.Value;
        var cmp = Comparison.Of(value, expected, tolerance);
        if (cmp.AllRight)
        {
            return Result(QuestionStatus.Correct, points, "correct", value);
        }

        var from = CarryForward.Check(a, key, q, value, earlierWrong);
        if (from is not null && q.CarryForward(a.Defaults))
        {
            var carried = $"correct given your earlier answer{(from.Count > 1 ? "s" : "")} to {string.Join(", ", from)} (credit carried forward)";
            return Result(QuestionStatus.Correct, points, $"{carried}; the key is {TensorText.Inline(expected)}", value, withoutKey: carried);
        }

        var origin = from is null ? "" : $"; your answer follows correctly from your earlier answer{(from.Count > 1 ? "s" : "")} to {string.Join(", ", from)}, so the mistake is there";

        // The key's numbers with the axes in another order (a transpose, channels last) score 0
        // whether or not the shape happens to match (a square transpose is no better than another).
        var arrangement = Arrangement.Of(value, expected, tolerance, q.IsGradient);
        if (!cmp.ShapeMatches || arrangement is not null)
        {
            var feedback = arrangement?.Description
                ?? $"wrong shape: expected {expected.ShapeText}, got {value.ShapeText}"
                  + (value.Count == expected.Count && Comparison.Matches(value.Reshape(expected.Shape), expected, tolerance) ? " (the numbers are right, arranged in the wrong shape)" : "");
            if (arrangement is null && MistakeFinder.Misconceived(key, q, value, tolerance) is { } mistake)
            {
                feedback = mistake.Description + "; " + feedback;
            }

            return Result(QuestionStatus.Incorrect, 0, feedback + origin, value, Enumerable.Range(0, expected.Count).Select(expected.IndexOf).ToList());
        }

        var wrong = Enumerable.Range(0, expected.Count).Where(i => !cmp.Right[i]).Select(expected.IndexOf).ToList();
        var partial = q.Partial(a.Defaults);
        var score = partial ? points * cmp.RightCount / expected.Count : 0;
        var status = partial && cmp.RightCount > 0 ? QuestionStatus.Partial : QuestionStatus.Incorrect;
        // Not an arrangement of the key (that was ruled out above).
        var named = MistakeFinder.FindNotArranged(key, q, value, cmp, tolerance)?.Description;
        string Compose(string details) =>
            (named is null ? details : named + "; " + details) + origin
            + (partial && cmp.RightCount > 0 ? $" ({cmp.RightCount} of {expected.Count} elements right)" : "");
        return Result(status, score, Compose(Details(expected, value, cmp, wrong)), value, wrong, Compose(WrongElements(expected, wrong)));
    }

    /// <summary>"; precision: 4 significant figures", written once per tolerance (an assignment's tolerances live as long as it does).</summary>
    private static string Precision(Tolerance tolerance) => PrecisionTexts.GetValue(tolerance, t => "; precision: " + t.ForStudents());

    /// <summary>Which elements are wrong, without the key's numbers.</summary>
    private static string WrongElements(Tensor expected, List<int[]> wrong)
    {
        if (expected.IsScalarLike)
        {
            return "not within the tolerance of the key";
        }

        var more = wrong.Count > MaxListedElements ? $"; and {wrong.Count - MaxListedElements} more" : "";
        return $"wrong element{(wrong.Count > 1 ? "s" : "")}: " + string.Join(", ", wrong.Take(MaxListedElements).Select(ix => $"[{string.Join(", ", ix)}]")) + more;
    }

    private static string Details(Tensor expected, Tensor value, Comparison cmp, List<int[]> wrong)
    {
        if (expected.IsScalarLike)
        {
            var (key, given) = TensorText.Apart(expected.Data[0], value.Data[0]);
            return $"expected {key}, got {given}";
        }

        var listed = wrong.Take(MaxListedElements).Select(ix =>
        {
            var i = expected.Offset(ix);
            var (key, given) = TensorText.Apart(expected.Data[i], value.Data[i], TensorText.Scale(expected), TensorText.Scale(value));
            return $"[{string.Join(", ", ix)}] expected {key}, got {given}";
        });
        var more = wrong.Count > MaxListedElements ? $"; and {wrong.Count - MaxListedElements} more" : "";
        return $"wrong element{(wrong.Count > 1 ? "s" : "")}: " + string.Join("; ", listed) + more;
    }
}
