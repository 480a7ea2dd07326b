using System.Globalization;
using Grader.Domain.Assignments;
using Grader.Domain.Expressions;
using Grader.Domain.Grading;
using Grader.Reference;

namespace Grader.Domain.Graphs;

/// <summary>
/// Builds the pictures the product draws: the key's graph of a graph question or of any graph
/// node (annotated with the variant's values and gradients), and a student's graph as written
/// (their annotations on it, wrong lines marked), even one that cannot be graded.
/// </summary>
public static class GraphPictures
{
    /// <summary>The key's graph of a graph question or of a graph node, or the reason it cannot be drawn.</summary>
    public static (GraphPicture? Picture, string? Error) OfKey(AnswerKey key, string target, bool annotate)
    {
        var a = key.Assignment;
        var spec = a.FindQuestion(target)?.Graph
            ?? (a.Graph.Any(g => g.Name == target) ? GraphSpec.Of(target) : null);
        if (spec is null)
        {
            var known = a.Questions.Where(q => q.Graph is not null).Select(q => q.Id).Concat(a.Graph.Select(g => g.Name)).ToList();
            return (null, $"'{target}' is neither a graph question nor a graph node of {a.Id}{DidYouMean.Hint(target, known)} (choose one of: {string.Join(", ", known)})");
        }

        var (graph, error) = KeyGraph.Build(a, spec);
        if (graph is null)
        {
            return (null, error);
        }

        var at = graph.Program.Inputs.Concat(graph.Held).ToDictionary(n => n, n => key.ValueMap[n]);
        GraphEvaluation? run = null;
        if (annotate)
        {
            try
            {
                run = GraphEvaluation.Run(graph.Program, at, gradients: true);
            }
            catch (GraphEvaluationException ex)
            {
                return (null, $"the key's node {ex.Step.Name} cannot be evaluated: {ex.Message}");
            }
        }

        var nodes = new List<PictureNode>();
        foreach (var leaf in graph.Program.Inputs.Concat(graph.Held))
        {
            nodes.Add(Node(leaf, null, false, run?.Values[leaf], run?.Gradients?.GetValueOrDefault(leaf), graph.Held.Contains(leaf) ? " (held at its value)" : ""));
        }

        foreach (var s in graph.Program.Steps)
        {
            nodes.Add(Node(s.Name, s.Display, false, run?.Values[s.Name], run?.Gradients?.GetValueOrDefault(s.Name), ""));
        }

        var edges = graph.Program.Steps.SelectMany(s => graph.Program.Uses(s).Select(u => (u, s.Name))).ToList();
        return (new GraphPicture(nodes, edges, graph.Program.Output), null);
    }

    /// <summary>
    /// A student's graph as written: every line a node, every name it uses that no line defines a
    /// leaf, edges by name (a cycle is drawn as written), the annotations they wrote, and the
    /// lines named in <paramref name="wrong"/> (by name) marked. Null for an answer that cannot be read.
    /// </summary>
    public static GraphPicture? OfAnswer(GraphAnswer answer, IReadOnlySet<string>? wrong = null)
    {
        if (answer.Error is not null)
        {
            return null;
        }

        var lines = answer.Nodes.ToList();
        var defined = lines.Select(l => l.Name).ToHashSet();
        var inputNotes = answer.Lines.Where(l => l.IsInput).GroupBy(l => l.Name).ToDictionary(g => g.Key, g => g.First());
        var leaves = new List<string>();
        var edges = new List<(string, string)>();
        var broken = new HashSet<string>();
        foreach (var l in lines)
        {
            IEnumerable<string> uses;
            try
            {
                var text = System.Text.RegularExpressions.Regex.Replace(l.Operation!, @"\b([A-Za-z][A-Za-z0-9_]*)(\s*\[[^\]]*\])+", "$1");
                uses = ExprText.Names(ExpressionParser.Parse(text)).Where(n => Builtins.Constant(n) is null).Distinct().ToList();
            }
            catch (ExpressionException)
            {
                broken.Add(l.Name);
                uses = [];
            }

            foreach (var u in uses)
            {
                if (!defined.Contains(u) && !leaves.Contains(u))
                {
                    leaves.Add(u);
                }

                edges.Add((u, l.Name));
            }
        }

        var nodes = new List<PictureNode>();
        foreach (var leaf in leaves)
        {
            var note = inputNotes.GetValueOrDefault(leaf);
            nodes.Add(Node(leaf, null, wrong?.Contains(leaf) == true, null, note?.Grad, ""));
        }

        foreach (var l in lines)
        {
            nodes.Add(Node(l.Name, $"{l.Name} = {l.Operation}", broken.Contains(l.Name) || wrong?.Contains(l.Name) == true, l.Value, l.Grad, ""));
        }

        return new GraphPicture(nodes, edges, lines[^1].Name);
    }

    /// <summary>The names of the lines a graded graph question marks wrong: a wrong annotation or feedback of its own.</summary>
    public static IReadOnlySet<string> Wrong(GraphVerdict verdict) =>
        verdict.Nodes.Where(n => n.Value == "wrong" || n.Grad == "wrong" || n.Feedback is not null).Select(n => n.Name).ToHashSet();

    /// <summary>A number at 4 significant figures, as the figure shows it.</summary>
    public static string Short(Tensor t) => t.IsScalarLike
        ? Short(t.Data[0])
        : "[" + string.Join(", ", t.Data.Take(6).Select(Short)) + (t.Count > 6 ? ", …" : "") + "]";

    private static string Short(double v) => Math.Abs(v) < 1e-12 ? "0" : v.ToString("G4", CultureInfo.InvariantCulture);

    private static PictureNode Node(string name, string? operation, bool wrong, Tensor? value, Tensor? grad, string note)
    {
        var title = (operation ?? name + note)
            + (value is null ? "" : $"; value {Output.TensorText.Inline(value)}")
            + (grad is null ? "" : $"; gradient {Output.TensorText.Inline(grad)}");
        var op = operation is null ? null : operation[(operation.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
        return new PictureNode(name, op, operation is null, wrong, value, grad, title);
    }
}
