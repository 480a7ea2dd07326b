using Grader.Domain.Assignments;
using Grader.Domain.Expressions;
using Grader.Reference;

namespace Grader.Domain.Grading;

/// <summary>
/// Error carried forward: a later answer that is wrong against the key but right when computed
/// from the student's own earlier wrong answers earns its credit. An earlier question whose
/// answer is a graph node replaces that node; any other earlier answer replaces the same
/// sub-expression (by canonical text) in the later question.
/// </summary>
public static class CarryForward
{
    /// <summary>
    /// The ids of the earlier questions the answer is consistent with, or null when it is not.
    /// </summary>
    public static IReadOnlyList<string>? Check(
        Assignment assignment, AnswerKey key, Question question, Tensor given,
        IReadOnlyList<(Question Question, Tensor Given)> earlierWrong)
    {
        if (earlierWrong.Count == 0)
        {
            return null;
        }

        var graph = assignment.Graph.ToDictionary(g => g.Name);
        var dependsOn = Dependencies(question.Answer, graph);
        var subExpressions = ExprText.Walk(question.Answer).Skip(1).Select(ExprText.Of).ToHashSet();
        var overrides = new Dictionary<string, Tensor>();
        var substitutions = new Dictionary<string, Tensor>();
        var used = new List<string>();
        foreach (var (earlier, value) in earlierWrong)
        {
            if (earlier.Answer is NameExpr n && graph.ContainsKey(n.Name))
            {
                if (dependsOn.Contains(n.Name) && ExprText.Of(question.Answer) != n.Name)
                {
                    overrides[n.Name] = value;
                    used.Add(earlier.Id);
                }
            }
            else if (subExpressions.Contains(ExprText.Of(earlier.Answer)))
            {
                substitutions[ExprText.Of(earlier.Answer)] = value;
                used.Add(earlier.Id);
            }
        }

        if (used.Count == 0)
        {
            return null;
        }

        var scope = new VariantScope(assignment, key.ValueMap, overrides, substitutions);
        var recomputed = scope.Evaluate(question, question.Answer);
        var tolerance = question.Tolerance(assignment.Defaults);
        return recomputed is not null && Comparison.Matches(given, recomputed, tolerance) ? used : null;
    }

    private static HashSet<string> Dependencies(Expr e, Dictionary<string, GraphNode> graph)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>(ExprText.Names(e));
        while (stack.Count > 0)
        {
            var name = stack.Pop();
            if (seen.Add(name) && graph.TryGetValue(name, out var node))
            {
                foreach (var n in ExprText.Names(node.Expression))
                {
                    stack.Push(n);
                }
            }
        }

        return seen;
    }
}
