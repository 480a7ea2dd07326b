using System.Collections.Frozen;
using Grader.Domain.Expressions;
using Grader.Domain.Networks;
using Grader.Reference;

namespace Grader.Domain.Assignments;

/// <summary>
/// The names of one variant of an assignment: its values as leaves of the graph, and graph nodes
/// evaluated on first use (memoised, with cycles detected). Gradients are computed once per output.
/// </summary>
public sealed class VariantScope : IEvaluationScope
{
    private readonly Assignment assignment;
    private readonly FrozenDictionary<string, GraphNode> definitions;
    private readonly IReadOnlyDictionary<string, Tensor> overrides = FrozenDictionary<string, Tensor>.Empty;

    // The values (leaves of the graph) and every graph node evaluated so far, so that a name
    // already met costs one look-up.
    private readonly Dictionary<string, Node> known;
    private readonly HashSet<string> failed = [];
    private readonly List<string> inProgress = [];
    private readonly Dictionary<Node, IReadOnlyDictionary<Node, Tensor>> gradients = new(ReferenceEqualityComparer.Instance);
    private readonly List<EvaluationFailure> failures = [];
    private readonly ExpressionEvaluator evaluator;

    /// <summary>
    /// Creates the scope of a variant from its instantiated values. <paramref name="overrides"/>
    /// gives graph nodes other values, and <paramref name="substitutions"/> gives sub-expressions
    /// (by canonical text) other values: both serve to recompute a student's later answers from
    /// their own earlier ones. Either replaces a node's value only: gradients still flow through
    /// it to what it was computed from, as in the original graph (<see cref="Node.WithValue"/>).
    /// </summary>
    public VariantScope(
        Assignment assignment,
        IEnumerable<KeyValuePair<string, Tensor>> values,
        IReadOnlyDictionary<string, Tensor>? overrides = null,
        IReadOnlyDictionary<string, Tensor>? substitutions = null)
    {
        this.assignment = assignment;
        known = new Dictionary<string, Node>(assignment.Values.Count + assignment.Graph.Count);
        foreach (var (name, value) in values)
        {
            known[name] = Node.Leaf(value);
        }

        definitions = assignment.GraphByName;
        if (overrides is { Count: > 0 })
        {
            // Overrides of graph nodes take effect when the node is evaluated; others replace a value.
            var ofNodes = new Dictionary<string, Tensor>();
            foreach (var (name, value) in overrides)
            {
                if (definitions.ContainsKey(name))
                {
                    ofNodes[name] = value;
                }
                else
                {
                    known[name] = Node.Leaf(value);
                }
            }

            this.overrides = ofNodes;
        }

        evaluator = new ExpressionEvaluator(this, substitutions);
    }

    /// <summary>
    /// A scope for a changed version of <paramref name="basis"/>'s assignment (one graph node
    /// rewritten) that reuses the basis's leaves and the already evaluated nodes named in
    /// <paramref name="reusable"/> (those the change does not reach), so only what the change
    /// affects is computed again.
    /// </summary>
    public VariantScope(Assignment changed, VariantScope basis, IReadOnlySet<string> reusable)
    {
        assignment = changed;
        definitions = changed.GraphByName;
        known = new Dictionary<string, Node>(basis.known.Count);
        foreach (var (name, node) in basis.known)
        {
            // The leaves (names that are not graph nodes), and the graph nodes the change does not reach.
            if (!basis.definitions.ContainsKey(name) || reusable.Contains(name))
            {
                known[name] = node;
            }
        }

        evaluator = new ExpressionEvaluator(this);
    }

    /// <summary>Every root failure found so far (a failure caused by another is not repeated).</summary>
    public IReadOnlyList<EvaluationFailure> Failures => failures;

    /// <summary>Evaluates every graph node, recording failures.</summary>
    public void EvaluateGraph()
    {
        foreach (var node in assignment.Graph)
        {
            try
            {
                Resolve(node.Name, 1);
            }
            catch (ExpressionException)
            {
                // Recorded in Failures at the node that failed.
            }
        }
    }

    /// <summary>A question's key, or null when it cannot be evaluated (the failure is recorded).</summary>
    public Tensor? Answer(Question question) => Evaluate(question, question.Answer);

    /// <summary>An expression in a question's place (the question's answer or a rewriting of it), or null on failure.</summary>
    public Tensor? Evaluate(Question question, Expr expression)
    {
        try
        {
            var value = evaluator.Evaluate(expression).Value;
            if (!value.IsFinite())
            {
                Fail($"question {question.Id}", question.Where.At(1), $"question {question.Id}: the answer is not finite (NaN or infinity): {Shorten(value)}");
                return null;
            }

            return value;
        }
        catch (DependencyFailedException)
        {
            return null;
        }
        catch (ExpressionException ex)
        {
            Fail($"question {question.Id}", question.Where.At(ex.Column), $"question {question.Id}: {ex.Message}");
            return null;
        }
    }

    /// <summary>Whether a requirement holds in this variant, or null when it cannot be evaluated (the failure is recorded).</summary>
    public bool? Holds(Requirement requirement)
    {
        var owner = $"requirement {requirement.Text}";
        try
        {
            return requirement.Holds(evaluator.Evaluate(requirement.Left).Value, evaluator.Evaluate(requirement.Right).Value);
        }
        catch (DependencyFailedException)
        {
            return null;
        }
        catch (ExpressionException ex)
        {
            Fail(owner, requirement.Where.At(ex.Column), $"{owner}: {ex.Message}");
            return null;
        }
        catch (ShapeException ex)
        {
            Fail(owner, requirement.Where.At(1), ex.Message);
            return null;
        }
    }

    /// <summary>Records a failure that is not an expression's (a requirement no draw meets).</summary>
    public void Report(string owner, SourcePosition at, string message) => Fail(owner, at, message);

    /// <inheritdoc />
    public Node Resolve(string name, int column)
    {
        if (known.TryGetValue(name, out var node))
        {
            return node;
        }

        if (failed.Contains(name))
        {
            throw new DependencyFailedException(name, column);
        }

        if (definitions.TryGetValue(name, out var definition))
        {
            return EvaluateNode(definition, column);
        }

        if (Builtins.Constant(name) is { } constant)
        {
            return constant;
        }

        if (assignment.Networks.ContainsKey(name))
        {
            throw new ExpressionException($"'{name}' is a network: use params({name}) or output_shape({name})", column);
        }

        throw new ExpressionException($"unknown name '{name}'{Suggest(name)}", column);
    }

    /// <inheritdoc />
    public Network? FindNetwork(string name) => assignment.Networks.GetValueOrDefault(name);

    /// <inheritdoc />
    public IReadOnlyDictionary<Node, Tensor> GradientsOf(Node output)
    {
        if (!gradients.TryGetValue(output, out var g))
        {
            g = output.Gradients();
            gradients[output] = g;
        }

        return g;
    }

    private Node EvaluateNode(GraphNode definition, int column)
    {
        var name = definition.Name;
        var cycleStart = inProgress.IndexOf(name);
        if (cycleStart >= 0)
        {
            var cycle = string.Join(" -> ", inProgress.Skip(cycleStart).Append(name));
            throw new ExpressionException($"cycle in the graph: {cycle}", column);
        }

        inProgress.Add(name);
        try
        {
            var node = evaluator.Evaluate(definition.Expression);
            if (!node.Value.IsFinite())
            {
                throw new ExpressionException($"the value is not finite (NaN or infinity): {Shorten(node.Value)}", 1);
            }

            // A graph node is always differentiable with respect to, even when it is a constant
            // (a comparison's node stays a mask: m: x > 0, then x[m] picks where it holds).
            node = node.RequiresGrad ? node : Node.Leaf(node.Value, node.IsMask);

            // An overridden node takes the given value; gradients still flow through it to its inputs.
            if (overrides.TryGetValue(name, out var given) && given.Count == node.Value.Count)
            {
                node = node.WithValue(given);
            }

            known[name] = node;
            return node;
        }
        catch (DependencyFailedException)
        {
            failed.Add(name);
            throw new DependencyFailedException(name, column);
        }
        catch (ExpressionException ex)
        {
            failed.Add(name);
            Fail($"graph node {name}", definition.Where.At(ex.Column), $"graph node {name}: {ex.Message}");
            throw new DependencyFailedException(name, column);
        }
        finally
        {
            inProgress.RemoveAt(inProgress.Count - 1);
        }
    }

    private void Fail(string owner, SourcePosition at, string message) => failures.Add(new EvaluationFailure(owner, at, message));

    private string Suggest(string name)
    {
        var names = known.Keys.Concat(definitions.Keys).Distinct().Concat(assignment.Networks.Keys).Concat(["pi", "e"]);
        return Builtins.Functions.ContainsKey(name)
            ? $" ('{name}' is a function: call it, {name}(...))"
            : DidYouMean.Hint(name, names);
    }

    private static string Shorten(Tensor t)
    {
        var s = t.ToString();
        return s.Length <= 80 ? s : s[..80] + "…";
    }
}
