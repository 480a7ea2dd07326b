using Grader.Domain.Assignments;
using Grader.Domain.Expressions;
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
    /// <summary>The named mistake, or null when none explains the answer.</summary>
    public static Mistake? Find(AnswerKey key, Question q, Tensor value, Tensor expected, Comparison cmp, Tolerance tolerance)
    {
        if (cmp.SignFlipped)
        {
            return new Mistake("sign-flipped", "the sign is flipped: your answer is the negative of the key");
        }

        return Arrangement.Of(value, expected, tolerance) ?? Misconceived(key, q, value, tolerance);
    }

    /// <summary>A misconception in the question's expression or in a graph node it is computed from, nearest first.</summary>
    public static Mistake? Misconceived(AnswerKey key, Question q, Tensor value, Tolerance tolerance)
    {
        var a = key.Assignment;
        foreach (var (mistake, rewritten) in Misconception.Rewrites(q.Answer))
        {
            if (Explains(new VariantScope(a, key.ValueMap).Evaluate(q, rewritten), value, tolerance))
            {
                return mistake;
            }
        }

        foreach (var node in NodesBehind(q.Answer, a))
        {
            foreach (var (mistake, rewritten) in Misconception.Rewrites(node.Expression))
            {
                var changed = a with { Graph = [.. a.Graph.Select(g => g.Name == node.Name ? g with { Expression = rewritten } : g)] };
                if (Explains(new VariantScope(changed, key.ValueMap).Evaluate(q, q.Answer), value, tolerance))
                {
                    return mistake;
                }
            }
        }

        return null;
    }

    private static bool Explains(Tensor? alternative, Tensor value, Tolerance tolerance) =>
        alternative is not null && Comparison.Matches(value, alternative, tolerance);

    /// <summary>The graph nodes an expression is computed from, breadth first (nearest first).</summary>
    private static List<GraphNode> NodesBehind(Expr e, Assignment a)
    {
        var graph = a.Graph.ToDictionary(g => g.Name);
        var found = new List<GraphNode>();
        var seen = new HashSet<string>();
        var queue = new Queue<Expr>([e]);
        while (queue.Count > 0)
        {
            foreach (var name in ExprText.Names(queue.Dequeue()))
            {
                if (seen.Add(name) && graph.TryGetValue(name, out var node))
                {
                    found.Add(node);
                    queue.Enqueue(node.Expression);
                }
            }
        }

        return found;
    }
}
