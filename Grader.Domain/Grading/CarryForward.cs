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
        var overrides = new Dictionary<string, Tensor>();
        var substitutions = new Dictionary<string, Tensor>();
        var used = new List<string>();

        // Earlier answers that stand as sub-expressions of this one replace them first.
        var subExpressions = ExprText.Walk(question.Answer).Skip(1).Select(ExprText.Of).ToHashSet();
        foreach (var (earlier, value) in earlierWrong)
        {
            var text = ExprText.Of(earlier.Answer);
            if (earlier.Answer is not NameExpr && subExpressions.Contains(text))
            {
                substitutions[text] = value;
                used.Add(earlier.Id);
            }
        }

        // Then earlier answers that are graph nodes this one still depends on replace those nodes.
        var dependsOn = Dependencies(question.Answer, graph, substitutions);
        foreach (var (earlier, value) in earlierWrong)
        {
            if (earlier.Answer is NameExpr n && graph.ContainsKey(n.Name) && dependsOn.Contains(n.Name)
                && ExprText.Of(question.Answer) != n.Name)
            {
                overrides[n.Name] = value;
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

    private static HashSet<string> Dependencies(Expr e, Dictionary<string, GraphNode> graph, Dictionary<string, Tensor> substituted)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>(ExprText.Walk(e, x => substituted.ContainsKey(ExprText.Of(x))).OfType<NameExpr>().Select(n => n.Name));
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
