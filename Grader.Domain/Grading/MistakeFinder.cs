using Grader.Domain.Assignments;
using Grader.Reference;

namespace Grader.Domain.Grading;

/// <summary>
/// Names the mistake behind a wrong answer: a flipped sign, a permuted arrangement (transpose,
/// channels last), or a known misconception made in the question's own expression or in any graph
/// node it is computed from (a flipped kernel in <c>Y: conv2d(...)</c> when the question answers
/// <c>Y</c>). Returns a <see cref="Mistake"/>; the feedback text that quotes numbers is composed
/// elsewhere.
/// </summary>
public static class MistakeFinder
{
    private static readonly Mistake SignFlipped = new("sign-flipped", "the sign is flipped: your answer is the negative of the key");

    /// <summary>The named mistake, or null when none explains the answer.</summary>
    public static Mistake? Find(AnswerKey key, Question q, Tensor value, Tensor expected, Comparison cmp, Tolerance tolerance) =>
        cmp.SignFlipped ? SignFlipped : Arrangement.Of(value, expected, tolerance, q.IsGradient) ?? Misconceived(key, q, value, tolerance);

    /// <summary>As <see cref="Find"/>, for an answer already known not to be an arrangement of the key.</summary>
    internal static Mistake? FindNotArranged(AnswerKey key, Question q, Tensor value, Comparison cmp, Tolerance tolerance) =>
        cmp.SignFlipped ? SignFlipped : Misconceived(key, q, value, tolerance);

    /// <summary>
    /// A misconception in the question's expression or in a graph node it is computed from,
    /// nearest first. The alternatives are computed once per key (<see cref="MistakeAlternatives"/>).
    /// </summary>
    public static Mistake? Misconceived(AnswerKey key, Question q, Tensor value, Tolerance tolerance)
    {
        var expected = key.AnswerTo(q.Id);
        var shapeMatches = expected is not null && (value.SameShape(expected) || (value.IsScalarLike && expected.IsScalarLike));
        return MistakeAlternatives.Of(key).FirstExplaining(q, value, tolerance, shapeMatches);
    }
}
