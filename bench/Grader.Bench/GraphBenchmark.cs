using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Domain.Graphs;

namespace Grader.Bench;

/// <summary>
/// Phase <c>graph</c>: the time to grade one graph answer of 30 nodes, each annotated with its value
/// and gradient (a chain of ten tanh layers, three operations each), against a key already built,
/// as the service grades it. The issue's target: under 5 ms.
/// </summary>
public static class GraphBenchmark
{
    /// <summary>The median milliseconds per answer, over <paramref name="answers"/> gradings after a warm-up.</summary>
    public static double Run(int answers = 2_000)
    {
        var yaml = new StringBuilder("id: graph-bench\nvalues:\n  a0: 0.5\n");
        for (var i = 1; i <= 10; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  w{i}: {0.5 + (0.1 * i)}\n  b{i}: {0.05 * i}\n");
        }

        yaml.Append("graph:\n");
        for (var i = 1; i <= 10; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  h{i}: tanh(w{i} * {(i == 1 ? "a0" : $"h{i - 1}")} + b{i})\n");
        }

        yaml.Append("questions:\n  - id: g\n    kind: graph\n    answer: h10\n    annotate: [value, grad]\n");
        var assignment = AssignmentLoader.Load(yaml.ToString(), "graph-bench.yaml").Assignment!;
        var key = AnswerKeyBuilder.Build(assignment, "s1");

        // The key's own graph, renamed and annotated with its values and gradients: a full-marks answer.
        var spec = assignment.Questions[0].Graph!;
        var graph = KeyGraph.Build(assignment, spec).Graph!;
        var run = GraphEvaluation.Run(graph.Program, graph.Program.Inputs.ToDictionary(n => n, n => key.ValueMap[n]), gradients: true);
        string Local(string name) => name.Replace('.', '_');
        var answer = new StringBuilder("assignment: graph-bench\nstudent: s1\nanswers:\n  g:\n");
        foreach (var s in graph.Program.Steps)
        {
            var text = graph.Program.Steps.Aggregate(s.Text, (t, other) => t.Replace(other.Name, Local(other.Name), StringComparison.Ordinal));
            answer.Append(CultureInfo.InvariantCulture, $"    - {Local(s.Name)}_n = {Rename(text, graph)} | value {run.Values[s.Name].Data[0]:R} | grad {run.Gradients![s.Name].Data[0]:R}\n");
        }

        foreach (var input in graph.Program.Inputs)
        {
            answer.Append(CultureInfo.InvariantCulture, $"    - {input} | grad {run.Gradients![input].Data[0]:R}\n");
        }

        var file = AnswerFileReader.Read(answer.ToString(), "graph-bench-answer.yaml").File!;
        var check = AnswerGrader.Grade(key, file).Questions[0];
        if (check.Status != QuestionStatus.Correct || check.Graph!.Nodes.Count(n => !n.IsInput) != 30)
        {
            throw new InvalidOperationException("the benchmark's graph answer should be a correct 30-node graph: " + check.Feedback);
        }

        for (var i = 0; i < 200; i++)
        {
            AnswerGrader.Grade(key, file);
        }

        var times = new double[answers];
        for (var i = 0; i < answers; i++)
        {
            var watch = Stopwatch.StartNew();
            AnswerGrader.Grade(key, file);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[answers / 2];
    }

    /// <summary>The key's node names in an operation, as the answer's own names (suffix <c>_n</c>, dots replaced).</summary>
    private static string Rename(string text, KeyGraph graph) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\b[A-Za-z][A-Za-z0-9_]*\b", m =>
            graph.Program.Steps.Any(s => s.Name.Replace('.', '_') == m.Value) ? m.Value + "_n" : m.Value);
}
