using System.Text.Json;
using Grader.Domain.Assignments;
using Grader.Reference;

namespace Grader.Domain.Graphs;

/// <summary>
/// The key's graph of a graph question written as a student's answer: one node a line
/// (<c>N.1</c> written <c>N_1</c>), with each node's value and gradient and each input's gradient
/// as the question asks, so the key as an answer file scores full marks.
/// </summary>
public static class GraphKeyAnswer
{
    /// <summary>The answer's lines in the page's text form, or null when the key's graph cannot be evaluated.</summary>
    public static IReadOnlyList<string>? Lines(AnswerKey key, Question q)
    {
        var spec = q.Graph!;
        if (KeyGraph.Build(key.Assignment, spec).Graph is not { } graph)
        {
            return null;
        }

        GraphEvaluation run;
        try
        {
            run = GraphEvaluation.Run(graph.Program, graph.Program.Inputs.Concat(graph.Held).ToDictionary(n => n, n => key.ValueMap[n]), spec.AnnotateGrad);
        }
        catch (GraphEvaluationException)
        {
            return null;
        }

        var names = graph.Program.Steps.ToDictionary(s => s.Name, s => s.Name.Replace('.', '_'));
        string Rename(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"[A-Za-z][A-Za-z0-9_]*(\.\d+)?", m => names.GetValueOrDefault(m.Value, m.Value));
        string Notes(string name, bool value) =>
            (value && spec.AnnotateValue ? $" | value {Exact(run.Values[name])}" : "")
            + (spec.AnnotateGrad && run.Gradients is { } g ? $" | grad {Exact(g[name])}" : "");
        var lines = graph.Program.Steps.Select(s => $"{names[s.Name]} = {Rename(s.Text)}{Notes(s.Name, true)}").ToList();
        if (spec.AnnotateGrad)
        {
            lines.AddRange(graph.Program.Inputs.Select(i => $"{i}{Notes(i, false)}"));
        }

        return lines;
    }

    /// <summary>An answer file's YAML entry for a graph question: the id and its lines as a list of quoted strings.</summary>
    public static string Yaml(string questionId, IReadOnlyList<string> lines) =>
        $"  {questionId}:\n" + string.Concat(lines.Select(l => $"    - {JsonSerializer.Serialize(l, Quoting)}\n"));

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Exact(Tensor t) => t.IsScalarLike ? t.Data[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture) : t.ToString();
}
