using System.Text.RegularExpressions;
using Grader.Domain.Expressions;
using Grader.Domain.Yaml;
using QuikGraph;
using QuikGraph.Algorithms;

namespace Grader.Domain.Graphs;

/// <summary>
/// Checks a student's graph against a question: names (local to the answer; never an input's or
/// a value's, never defined twice), operations (of the expression language, one a node), leaves
/// (the question's inputs only), order (a name is defined before it is used) and cycles; then
/// builds the program that evaluates it. The first error names its line.
/// </summary>
public static partial class GraphCompiler
{
    private static readonly HashSet<string> NotOperations = ["grad", "shape", "numel", "params", "output_shape"];

    /// <summary>Compiles a graph answer whose leaves may be <paramref name="inputs"/>; <paramref name="values"/> are all the assignment's value names.</summary>
    public static GraphCompilation Compile(GraphAnswer answer, IReadOnlyList<string> inputs, IReadOnlyCollection<string> values)
    {
        if (answer.Error is not null)
        {
            return GraphCompilation.Failed(answer.Error);
        }

        var nodeLines = answer.Nodes.ToList();
        var defined = new Dictionary<string, int>();
        foreach (var l in nodeLines)
        {
            if (NameProblem(l, inputs, values) is { } problem)
            {
                return GraphCompilation.Failed(problem);
            }

            if (!defined.TryAdd(l.Name, l.Line))
            {
                return GraphCompilation.Failed($"line {l.Line}: '{l.Name}' is already defined at line {defined[l.Name]}; each node has a name of its own");
            }
        }

        var inputLines = answer.Lines.Where(l => l.IsInput).ToList();
        var annotated = new HashSet<string>();
        foreach (var l in inputLines)
        {
            if (!inputs.Contains(l.Name))
            {
                var what = defined.ContainsKey(l.Name) ? "a node; annotate it on its own line" : $"not an input of this question (the inputs are {string.Join(", ", inputs)})";
                return GraphCompilation.Failed($"line {l.Line}: '{l.Name}' is {what}");
            }

            if (!annotated.Add(l.Name))
            {
                return GraphCompilation.Failed($"line {l.Line}: input '{l.Name}' is annotated twice");
            }
        }

        var steps = new List<GraphStep>();
        var indexed = new Dictionary<string, IndexedLeaf>();
        var structure = new List<string>();
        var forward = new List<(int Line, string Name)>();
        var dependencies = new AdjacencyGraph<string, SEdge<string>>();
        dependencies.AddVertexRange(defined.Keys);
        foreach (var l in nodeLines)
        {
            var (expr, error) = Parse(l, indexed);
            if (error is not null)
            {
                return GraphCompilation.Failed(error);
            }

            foreach (var e in ExprText.Walk(expr!))
            {
                if (e is CallExpr c && Problem(l, c) is { } callProblem)
                {
                    return GraphCompilation.Failed(callProblem);
                }

                if (e is ListExpr && !GraphOps.IsConstant(e))
                {
                    return GraphCompilation.Failed($"line {l.Line}: a list may hold numbers only; draw each element's node and combine them with operations");
                }

                if (e is not NameExpr n)
                {
                    continue;
                }

                var name = indexed.TryGetValue(n.Name, out var ix) ? ix.Source : n.Name;
                if (Builtins.Constant(name) is not null || inputs.Contains(name))
                {
                    continue;
                }

                if (defined.TryGetValue(name, out var at))
                {
                    dependencies.AddEdge(new SEdge<string>(name, l.Name));
                    if (at >= l.Line)
                    {
                        forward.Add((l.Line, name));
                    }

                    continue;
                }

                return GraphCompilation.Failed(values.Contains(name)
                    ? $"line {l.Line}: '{name}' is not an input of this question (the inputs are {string.Join(", ", inputs)})"
                    : $"line {l.Line}: '{YamlValues.Shorten(name)}' is not defined{DidYouMean.Hint(name, defined.Keys.Concat(inputs))}");
            }

            var ops = GraphOps.Of(expr!);
            if (ops.Count == 0)
            {
                structure.Add($"line {l.Line} ({l.Name} = {l.Operation}) does no operation; a node is one operation");
            }
            else if (ops.Count > 1)
            {
                structure.Add($"line {l.Line} does {GraphOps.Count(ops.Count)} operations: {GraphOps.Join(ops)}; draw one node for each");
            }

            steps.Add(new GraphStep(l.Name, expr!, l.Operation!, l.Line, ops));
        }

        if (forward.Count > 0)
        {
            if (!dependencies.IsDirectedAcyclicGraph())
            {
                var components = new Dictionary<string, int>();
                dependencies.StronglyConnectedComponents(components);
                var cycle = nodeLines.Where(l => components.Count(c => c.Value == components[l.Name]) > 1
                                                  || dependencies.OutEdges(l.Name).Any(e => e.Target == l.Name))
                    .GroupBy(l => components[l.Name]).First().ToList();
                var names = string.Join(" -> ", cycle.Select(c => c.Name).Append(cycle[0].Name));
                return GraphCompilation.Failed($"line {cycle[0].Line}: the graph has a cycle: {names}; a computational graph has none");
            }

            var (line, name) = forward[0];
            return GraphCompilation.Failed($"line {line}: '{name}' is used before it is defined (at line {defined[name]}); define each node before the lines that use it");
        }

        var program = new GraphProgram([.. inputs], steps, indexed);
        return new GraphCompilation(program, null, structure, inputLines, nodeLines);
    }

    private static string? NameProblem(GraphLine l, IReadOnlyList<string> inputs, IReadOnlyCollection<string> values)
    {
        if (Builtins.IsReserved(l.Name))
        {
            return $"line {l.Line}: '{l.Name}' is a built-in name; name the node otherwise";
        }

        if (inputs.Contains(l.Name) || values.Contains(l.Name))
        {
            return $"line {l.Line}: '{l.Name}' is {(inputs.Contains(l.Name) ? "an input" : "a value of the assignment")}; name the node otherwise";
        }

        return l.Name.Contains("__", StringComparison.Ordinal) ? $"line {l.Line}: a name may not contain '__'" : null;
    }

    private static string? Problem(GraphLine l, CallExpr c)
    {
        if (!Builtins.Functions.ContainsKey(c.Function))
        {
            return $"line {l.Line}: unknown operation '{YamlValues.Shorten(c.Function)}'{DidYouMean.Hint(c.Function, Builtins.Functions.Keys.Where(f => !NotOperations.Contains(f)))}";
        }

        return NotOperations.Contains(c.Function) ? $"line {l.Line}: {c.Function} is not an operation of a computational graph" : null;
    }

    /// <summary>Parses a node's operation, each indexed name (<c>w[0]</c>, <c>W[1][0]</c>, <c>W[1, 0]</c>) read as a leaf of its own.</summary>
    private static (Expr? Expr, string? Error) Parse(GraphLine l, Dictionary<string, IndexedLeaf> indexed)
    {
        var text = Indexing().Replace(l.Operation!, m =>
        {
            var source = m.Groups[1].Value;
            var index = Digits().Matches(m.Groups[2].Value).Select(d => int.Parse(d.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var name = $"{source}__ix{string.Join("_", index)}";
            indexed[name] = new IndexedLeaf(source, index, $"{source}[{string.Join("][", index)}]");
            return name;
        });
        try
        {
            return (ExpressionParser.Parse(text), null);
        }
        catch (ExpressionException ex)
        {
            return (null, $"line {l.Line}, column {ex.Column} of '{YamlValues.Shorten(l.Operation!)}': {ex.Message}");
        }
    }

    [GeneratedRegex(@"\b([A-Za-z][A-Za-z0-9_]*)((?:\s*\[\s*\d{1,6}\s*(?:,\s*\d{1,6}\s*)*\])+)")]
    private static partial Regex Indexing();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
