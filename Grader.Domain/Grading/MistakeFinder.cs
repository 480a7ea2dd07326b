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
        var basis = new VariantScope(a, key.ValueMap);
        foreach (var (mistake, rewritten) in Misconception.Rewrites(q.Answer))
        {
            if (Explains(basis.Evaluate(q, rewritten), value, tolerance))
            {
                return mistake;
            }
        }

        var behind = NodesBehind(q.Answer, a);
        if (behind.Count == 0)
        {
            return null;
        }

        basis.EvaluateGraph();
        var reaches = Reaches(a);
        var expected = key.AnswerTo(q.Id);
        var shapeMatches = expected is not null && (value.SameShape(expected) || (value.IsScalarLike && expected.IsScalarLike));
        foreach (var node in behind)
        {
            // Nodes the rewritten one does not reach keep their values from the basis.
            var reusable = a.Graph.Select(g => g.Name).Where(n => n != node.Name && !reaches[n].Contains(node.Name)).ToHashSet();
            foreach (var (mistake, rewritten) in Misconception.Rewrites(node.Expression))
            {
                var changed = a with { Graph = [.. a.Graph.Select(g => g.Name == node.Name ? g with { Expression = rewritten } : g)] };
                var scope = new VariantScope(changed, basis, reusable);

                // A rewrite that changes the node's shape (another stride) cannot explain an answer
                // of the key's shape computed through it; skip it before computing what follows.
                if (shapeMatches && !SameShape(scope, basis, node.Name))
                {
                    continue;
                }

                if (Explains(scope.Evaluate(q, q.Answer), value, tolerance))
                {
                    return mistake;
                }
            }
        }

        return null;
    }

    /// <summary>True when the node evaluates in the changed scope to the basis's shape.</summary>
    private static bool SameShape(VariantScope changed, VariantScope basis, string name)
    {
        try
        {
            return changed.Resolve(name, 1).Value.SameShape(basis.Resolve(name, 1).Value);
        }
        catch (ExpressionException)
        {
            return false;
        }
    }

    /// <summary>For each graph node, every graph node it is computed from.</summary>
    private static Dictionary<string, HashSet<string>> Reaches(Assignment a)
    {
        return a.Graph.ToDictionary(g => g.Name, g => NodesBehind(g.Expression, a).Select(n => n.Name).ToHashSet());
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
