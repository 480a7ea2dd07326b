using System.Text;
using Grader.Domain.Assignments;

namespace Grader.Domain.Output;

/// <summary>The key for people: values, then each question's id, text, tolerance and answer as an aligned matrix (a graph question's key graph as lines).</summary>
public static class AnswerKeyText
{
    /// <summary>The text of a key.</summary>
    public static string Write(AnswerKey key)
    {
        var a = key.Assignment;
        var sb = new StringBuilder();
        sb.AppendLine($"{a.Id}: {a.Title}");
        sb.AppendLine(key.Student is null ? "variant: default (no student)" : $"variant: student {key.Student}");
        if (key.Values.Count > 0)
        {
            sb.AppendLine().AppendLine("values");
            var width = key.Values.Max(v => v.Key.Length);
            foreach (var (name, value) in key.Values)
            {
                Block(sb, "  " + name.PadRight(width) + " = ", TensorText.Lines(value));
            }
        }

        sb.AppendLine().AppendLine("answers");
        foreach (var q in a.Questions)
        {
            var points = q.Points(a.Defaults);
            sb.AppendLine($"  {q.Id}  ({TensorText.Number(points)} point{(points == 1 ? "" : "s")}, {q.Tolerance(a.Defaults).Describe()})");
            if (!string.IsNullOrWhiteSpace(q.Text))
            {
                sb.AppendLine("    " + q.Text.Trim());
            }

            sb.AppendLine("    = " + q.AnswerText);
            if (q.Graph is not null && Graphs.KeyGraph.Build(a, q.Graph).Graph is { } graph)
            {
                sb.AppendLine($"    graph of {q.Graph.Output} from {string.Join(", ", graph.Program.Inputs)}{(q.Graph.Annotated ? $", annotated with {(q.Graph.AnnotateGrad ? "values and gradients" : "values")}" : "")}:");
                foreach (var step in graph.Program.Steps)
                {
                    sb.AppendLine("      " + step.Display);
                }
            }

            var answer = key.AnswerTo(q.Id);
            if (answer is null)
            {
                sb.AppendLine("    (could not be evaluated)");
            }
            else
            {
                Block(sb, "    = ", TensorText.Lines(answer));
            }
        }

        return sb.ToString();
    }

    private static void Block(StringBuilder sb, string prefix, IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            sb.Append(i == 0 ? prefix : new string(' ', prefix.Length)).AppendLine(lines[i]);
        }
    }
}
