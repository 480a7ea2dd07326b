using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Grader.Domain.Assignments;
using Grader.Domain.Expressions;
using Grader.Reference;

namespace Grader.Domain.Grading;

/// <summary>
/// Error carried forward: a later answer that is wrong against the key but right when computed
/// from the student's own earlier wrong answers earns its credit. An earlier question whose
/// answer is a graph node gives that node the student's value; any other earlier answer gives
/// the same sub-expression (by canonical text) the student's value, in the later question and in
/// every graph node it is computed from. Only values change: gradients still flow through a
/// replaced node to what it was computed from (its local derivatives taken at the student's
/// values), so a student's value of a loss never changes a gradient. An earlier answer of zeros
/// where the key is not zero carries nothing forward: zeros make the later steps trivial
/// (tanh 0 = 0, W·0 = 0, W − lr·0 = W).
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
        var usable = earlierWrong.Where(e => !CarriesNothing(assignment, key, e.Question, e.Given)).ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        // What depends on the assignment alone (texts of sub-expressions, what a question is
        // computed from) is worked out once per assignment and question.
        var analysis = Analysis.Of(assignment);
        var graph = analysis.Graph;
        var shape = analysis.For(question);
        var own = shape.Own;
        var overrides = new Dictionary<string, Tensor>();
        var substitutions = new Dictionary<string, Tensor>();
        var used = new List<string>();

        // Earlier answers that stand as sub-expressions of this one, or of a graph node it is
        // computed from, replace them first.
        var subExpressions = shape.SubExpressions;
        foreach (var (earlier, value) in usable)
        {
            var text = analysis.Text(earlier);
            if (earlier.Answer is not NameExpr && subExpressions.Contains(text) && !own.Contains(text))
            {
                substitutions[text] = value;
                used.Add(earlier.Id);
            }
        }

        // Then earlier answers that are graph nodes this one still depends on replace those nodes.
        var dependsOn = substitutions.Count == 0 ? shape.DependsOn : DependsOn(question, graph, substitutions);
        foreach (var (earlier, value) in usable)
        {
            if (earlier.Answer is NameExpr n && graph.ContainsKey(n.Name) && dependsOn.Contains(n.Name) && !own.Contains(n.Name))
            {
                overrides[n.Name] = value;
                used.Add(earlier.Id);
            }
        }

        if (used.Count == 0)
        {
            return null;
        }

        var tolerance = question.Tolerance(assignment.Defaults);
        bool Follows() => new VariantScope(assignment, key.ValueMap, overrides, substitutions).Evaluate(question, question.Answer) is { } recomputed
            && Comparison.Matches(given, recomputed, tolerance);
        if (!Follows())
        {
            return null;
        }

        // Name only the earlier answers the value follows from: one whose value changes nothing
        // here (a loss value, under a gradient) is left out of the feedback.
        foreach (var (earlier, value) in usable.Where(e => used.Contains(e.Question.Id)).ToList())
        {
            var text = analysis.Text(earlier);
            var name = (earlier.Answer as NameExpr)?.Name;
            var (substituted, overridden) = (substitutions.Remove(text), name is not null && overrides.Remove(name));
            if (used.Count > 1 && Follows())
            {
                used.Remove(earlier.Id);
                continue;
            }

            if (substituted)
            {
                substitutions[text] = value;
            }

            if (overridden)
            {
                overrides[name!] = value;
            }
        }

        return used;
    }

    /// <summary>
    /// True for an earlier answer of zeros where the key is not zero (under the earlier
    /// question's tolerance): such an answer makes every later step trivial.
    /// </summary>
    public static bool CarriesNothing(Assignment assignment, AnswerKey key, Question earlier, Tensor given)
    {
        var expected = key.AnswerTo(earlier.Id);
        var tolerance = earlier.Tolerance(assignment.Defaults);
        return expected is not null && given.Data.All(v => v == 0) && expected.Data.Any(k => !tolerance.Accepts(0, k));
    }

    /// <summary>The graph nodes a question's answer depends on, not looking under substituted sub-expressions.</summary>
    private static HashSet<string> DependsOn(Question question, IReadOnlyDictionary<string, GraphNode> graph, Dictionary<string, Tensor> substitutions) =>
        Reachable(question.Answer, graph, substitutions).SelectMany(e => ExprText.Walk(e, x => substitutions.ContainsKey(ExprText.Of(x))))
            .OfType<NameExpr>().Select(n => n.Name).ToHashSet();

    /// <summary>The texts that stand for the question itself: its answer, and the definition of the graph node it names.</summary>
    private static HashSet<string> OwnTexts(Question question, IReadOnlyDictionary<string, GraphNode> graph)
    {
        var own = new HashSet<string> { ExprText.Of(question.Answer) };
        if (question.Answer is NameExpr n && graph.TryGetValue(n.Name, out var node))
        {
            own.Add(ExprText.Of(node.Expression));
        }

        return own;
    }

    /// <summary>
    /// The expression and the definitions of every graph node it is computed from, not looking
    /// under sub-expressions that are substituted.
    /// </summary>
    private static List<Expr> Reachable(Expr e, IReadOnlyDictionary<string, GraphNode> graph, Dictionary<string, Tensor> substituted)
    {
        var found = new List<Expr> { e };
        var seen = new HashSet<string>();
        var stack = new Stack<Expr>([e]);
        while (stack.Count > 0)
        {
            var expression = stack.Pop();
            var names = substituted.Count == 0 ? ExprText.Walk(expression) : ExprText.Walk(expression, x => substituted.ContainsKey(ExprText.Of(x)));
            foreach (var name in names.OfType<NameExpr>().Select(n => n.Name))
            {
                if (seen.Add(name) && graph.TryGetValue(name, out var node))
                {
                    found.Add(node.Expression);
                    stack.Push(node.Expression);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// What carrying forward needs of an assignment that no answer changes, worked out once per
    /// assignment and question and kept with the assignment (safe to share between threads).
    /// </summary>
    private sealed class Analysis
    {
        private static readonly ConditionalWeakTable<Assignment, Analysis> Kept = new();
        private readonly ConcurrentDictionary<string, QuestionShape> questions = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string> texts = new(StringComparer.Ordinal);

        private Analysis(Assignment assignment) => Graph = assignment.GraphByName;

        /// <summary>The assignment's graph nodes by name.</summary>
        public IReadOnlyDictionary<string, GraphNode> Graph { get; }

        public static Analysis Of(Assignment assignment) => Kept.GetValue(assignment, a => new Analysis(a));

        /// <summary>The canonical text of a question's answer expression.</summary>
        public string Text(Question q) => texts.GetOrAdd(q.Id, _ => ExprText.Of(q.Answer));

        public QuestionShape For(Question q) => questions.GetOrAdd(q.Id, _ => new QuestionShape(
            OwnTexts(q, Graph),
            Reachable(q.Answer, Graph, []).SelectMany(e => ExprText.Walk(e)).Select(ExprText.Of).ToHashSet(),
            DependsOn(q, Graph, [])));
    }

    /// <summary>
    /// A question's own texts, the texts of every sub-expression of it and of the graph nodes it
    /// is computed from, and the graph nodes it depends on when nothing is substituted.
    /// </summary>
    private sealed record QuestionShape(HashSet<string> Own, HashSet<string> SubExpressions, HashSet<string> DependsOn);
}
