using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Grader.Domain.Assignments;
using Grader.Domain.Expressions;
using Grader.Reference;

namespace Grader.Domain.Grading;

/// <summary>
/// What each recognised mistake would make of a question's answer in one variant: the question's
/// own expression rewritten, then every graph node it is computed from rewritten (nearest first).
/// These values depend on the key alone, never on a student's answer, so they are computed once
/// per key as grading first needs them and kept with the key: every wrong answer graded against
/// the same key (one assignment's default variant, a student's resubmissions) reuses them.
/// Keys of an assignment without random values are the same variant whatever the student, so
/// their complete keys share one set of alternatives (kept with the assignment): a key built per
/// submission computes none again. Safe to share between threads: an alternative is computed
/// under a lock, and once computed it is read without one. Values computed while the ambient
/// <see cref="EvaluationBudget"/> ran out are never kept.
/// </summary>
internal sealed class MistakeAlternatives
{
    private static readonly ConditionalWeakTable<object, MistakeAlternatives> Kept = new();
    private readonly AnswerKey key;
    private readonly object owner;
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<Alternative>> byQuestion = [];
    private VariantScope? basis;
    private volatile bool dropped;

    private MistakeAlternatives(AnswerKey key, object owner) => (this.key, this.owner) = (key, owner);

    /// <summary>
    /// The alternatives kept with a key, or, for a complete key of an assignment whose values are
    /// the same for every student, with its assignment (every such key has the same values).
    /// </summary>
    public static MistakeAlternatives Of(AnswerKey key)
    {
        object owner = key.IsComplete && !key.Assignment.HasRandomValues ? key.Assignment : key;
        return Kept.GetValue(owner, _ => new MistakeAlternatives(key, owner));
    }

    /// <summary>
    /// The first mistake whose value the given answer matches under the tolerance, or null.
    /// When the answer has the key's shape, a rewritten graph node that changes its own shape
    /// (another stride) cannot explain it and is skipped before what follows it is computed.
    /// </summary>
    public Mistake? FirstExplaining(Question q, Tensor value, Tolerance tolerance, bool shapeMatches)
    {
        if (dropped)
        {
            return Of(key).FirstExplaining(q, value, tolerance, shapeMatches);
        }

        foreach (var alternative in AlternativesOf(q))
        {
            if (shapeMatches && !alternative.KeepsNodeShape(this))
            {
                continue;
            }

            if (alternative.Value(this, q) is { } computed && Comparison.Matches(value, computed, tolerance))
            {
                return alternative.Mistake;
            }
        }

        return null;
    }

    /// <summary>A question's alternatives (made once; each computes its value on first use).</summary>
    private List<Alternative> AlternativesOf(Question q)
    {
        lock (gate)
        {
            return Alternatives(q);
        }
    }

    /// <summary>The variant's own scope with every graph node evaluated once; rewritten scopes reuse what a rewrite does not reach.</summary>
    private VariantScope Basis
    {
        get
        {
            if (basis is null)
            {
                basis = new VariantScope(key.Assignment, key.ValueMap);
                basis.EvaluateGraph();
                Keep();
            }

            return basis;
        }
    }

    private List<Alternative> Alternatives(Question q)
    {
        if (byQuestion.TryGetValue(q.Id, out var known))
        {
            return known;
        }

        var list = new List<Alternative>();
        foreach (var plan in Plans.Of(key.Assignment).For(q))
        {
            list.Add(new Alternative(plan.Mistake, plan.Node, () => plan.Node is null
                ? (Basis, plan.Rewritten)
                : (new VariantScope(plan.Changed!, Basis, plan.Reusable!), q.Answer)));
        }

        byQuestion[q.Id] = list;
        return list;
    }

    /// <summary>
    /// False once the ambient budget has run out: what was just computed may be cut short, so
    /// these alternatives are dropped and the next grading against the key starts afresh.
    /// </summary>
    private bool Keep()
    {
        if (EvaluationBudget.Current?.Exceeded is null)
        {
            return true;
        }

        Kept.Remove(owner);
        dropped = true;
        return false;
    }

    /// <summary>The graph nodes an expression is computed from, breadth first (nearest first).</summary>
    private static List<GraphNode> NodesBehind(Expr e, Assignment a)
    {
        var graph = a.GraphByName;
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

    /// <summary>
    /// One mistake's rewriting, the same in every variant: the question's expression rewritten
    /// (<see cref="Node"/> null), or a graph node rewritten, with the changed assignment and the
    /// nodes the rewrite does not reach (their values are the basis's).
    /// </summary>
    private sealed record Plan(Mistake Mistake, string? Node, Expr Rewritten, Assignment? Changed, IReadOnlySet<string>? Reusable);

    /// <summary>The rewritings of an assignment's questions, worked out once per assignment (keys of random variants share them).</summary>
    private sealed class Plans(Assignment a)
    {
        private static readonly ConditionalWeakTable<Assignment, Plans> KeptPlans = new();
        private readonly ConcurrentDictionary<string, Lazy<List<Plan>>> byQuestion = new(StringComparer.Ordinal);
        private readonly Lazy<Dictionary<string, HashSet<string>>> reaches =
            new(() => a.Graph.ToDictionary(g => g.Name, g => NodesBehind(g.Expression, a).Select(n => n.Name).ToHashSet()));

        public static Plans Of(Assignment assignment) => KeptPlans.GetValue(assignment, x => new Plans(x));

        public List<Plan> For(Question q) => byQuestion.GetOrAdd(q.Id, _ => new Lazy<List<Plan>>(() => Make(q))).Value;

        private List<Plan> Make(Question q)
        {
            var list = new List<Plan>();
            foreach (var (mistake, rewritten) in Misconception.Rewrites(q.Answer))
            {
                list.Add(new Plan(mistake, null, rewritten, null, null));
            }

            foreach (var node in NodesBehind(q.Answer, a))
            {
                foreach (var (mistake, rewritten) in Misconception.Rewrites(node.Expression))
                {
                    // Nodes the rewritten one does not reach keep their values from the basis.
                    var reusable = a.Graph.Select(g => g.Name).Where(n => n != node.Name && !reaches.Value[n].Contains(node.Name)).ToHashSet();
                    var changed = a with { Graph = [.. a.Graph.Select(g => g.Name == node.Name ? g with { Expression = rewritten } : g)] };
                    list.Add(new Plan(mistake, node.Name, rewritten, changed, reusable));
                }
            }

            return list;
        }
    }

    /// <summary>One mistake's value, computed on first use (under the owner's lock), then read without a lock.</summary>
    private sealed class Alternative(Mistake mistake, string? node, Func<(VariantScope Scope, Expr Expression)> prepare)
    {
        private const int Unknown = 0, Keeps = 1, Changes = 2;
        private (VariantScope Scope, Expr Expression)? prepared;
        private volatile int nodeShape;
        private volatile bool computed;
        private Tensor? value;

        public Mistake Mistake => mistake;

        /// <summary>True when the rewritten node (if any) keeps its shape in the variant.</summary>
        public bool KeepsNodeShape(MistakeAlternatives owner)
        {
            if (node is null)
            {
                return true;
            }

            if (nodeShape != Unknown)
            {
                return nodeShape == Keeps;
            }

            lock (owner.gate)
            {
                if (nodeShape != Unknown)
                {
                    return nodeShape == Keeps;
                }

                bool keeps;
                try
                {
                    keeps = Prepared.Scope.Resolve(node, 1).Value.SameShape(owner.Basis.Resolve(node, 1).Value);
                }
                catch (ExpressionException)
                {
                    keeps = false;
                }

                if (owner.Keep())
                {
                    nodeShape = keeps ? Keeps : Changes;
                }

                return keeps;
            }
        }

        /// <summary>The value this mistake gives the question's answer, or null when it cannot be computed.</summary>
        public Tensor? Value(MistakeAlternatives owner, Question q)
        {
            if (computed)
            {
                return value;
            }

            lock (owner.gate)
            {
                if (computed)
                {
                    return value;
                }

                var (scope, expression) = Prepared;
                var result = scope.Evaluate(q, expression);
                if (owner.Keep())
                {
                    value = result;
                    computed = true;
                }

                return result;
            }
        }

        private (VariantScope Scope, Expr Expression) Prepared => prepared ??= prepare();
    }
}
