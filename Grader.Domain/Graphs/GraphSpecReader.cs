using Grader.Domain.Assignments;
using Grader.Domain.Yaml;

namespace Grader.Domain.Graphs;

/// <summary>
/// Reads the keys of a question of kind <c>graph</c> (<c>answer</c> a graph node, <c>inputs</c>,
/// <c>annotate</c>, <c>weights</c>), reporting each problem at its line and column.
/// </summary>
internal static class GraphSpecReader
{
    /// <summary>The keys only a graph question may have.</summary>
    public static readonly string[] Keys = ["kind", "inputs", "annotate", "weights"];

    private static readonly string[] WeightKeys = ["function", "structure", "annotations"];

    /// <summary>True when the question says <c>kind: graph</c>; reports any other kind than <c>value</c>.</summary>
    public static bool IsGraph(YMapping q, DiagnosticBag bag)
    {
        if (q["kind"] is not { } kindNode)
        {
            foreach (var key in Keys.Skip(1).Where(k => q[k] is not null))
            {
                bag.Report(q.Entries.First(e => e.Key.Value == key).Key, $"'{key}' belongs to a question of kind graph: add 'kind: graph'");
            }

            return false;
        }

        var kind = YamlValues.Text(kindNode, bag, "kind");
        if (kind is "graph")
        {
            return true;
        }

        if (kind is not null and not "value")
        {
            bag.Report(kindNode, $"kind must be value (the default) or graph, got '{YamlValues.Shorten(kind)}'");
        }

        return false;
    }

    /// <summary>Reads a graph question's settings; null when they have problems (reported).</summary>
    public static GraphSpec? Read(string id, YMapping q, YScalar answer, IReadOnlyCollection<string> graphNodes, IReadOnlyCollection<string> values, DiagnosticBag bag)
    {
        var ok = true;
        var output = answer.Value.Trim();
        if (!graphNodes.Contains(output))
        {
            var what = values.Contains(output) ? $"'{YamlValues.Shorten(output)}' is a value, not a graph node" : $"'{YamlValues.Shorten(output)}' is not a graph node";
            bag.Report(answer, $"question {id}: the answer of a graph question names the graph node whose graph is asked for; {what}"
                + (graphNodes.Count == 0 ? " (the assignment has no graph)" : $"{DidYouMean.Hint(output, graphNodes)} (the nodes are {string.Join(", ", graphNodes)})"));
            ok = false;
        }

        List<string>? inputs = null;
        if (q["inputs"] is { } inputsNode)
        {
            inputs = [];
            if (inputsNode is not YSequence list)
            {
                bag.Report(inputsNode, $"question {id}: inputs is a list of value names, e.g. [w, x, b]");
                ok = false;
            }
            else
            {
                foreach (var item in list.Items)
                {
                    var name = item is YScalar s ? s.Value : null;
                    if (name is null || !values.Contains(name))
                    {
                        var shown = name is null ? $"{item.Kind}" : $"'{YamlValues.Shorten(name)}'";
                        var hint = name is null ? "" : graphNodes.Contains(name) ? " (it is a graph node; inputs are values)" : DidYouMean.Hint(name, values);
                        bag.Report(item, $"question {id}: unknown input {shown}{hint}: an input is one of the assignment's values ({string.Join(", ", values)})");
                        ok = false;
                    }
                    else if (inputs.Contains(name))
                    {
                        bag.Report(item, $"question {id}: input '{name}' is listed twice");
                        ok = false;
                    }
                    else
                    {
                        inputs.Add(name);
                    }
                }
            }
        }

        var (value, grad, annotateWhere) = ReadAnnotate(id, q, bag, ref ok);
        var weights = ReadWeights(id, q, value || grad, bag, ref ok);
        return ok ? new GraphSpec(output, inputs, value, grad, weights, new Located(answer), annotateWhere) : null;
    }

    private static (bool Value, bool Grad, SourcePosition Where) ReadAnnotate(string id, YMapping q, DiagnosticBag bag, ref bool ok)
    {
        if (q["annotate"] is not { } node)
        {
            return (false, false, q.Start);
        }

        var items = node is YSequence s ? s.Items : node is YScalar { Value: "" } ? [] : null;
        if (items is null || items.Any(i => i is not YScalar))
        {
            bag.Report(node, $"question {id}: annotate is [], [value] or [value, grad]");
            ok = false;
            return (false, false, node.Start);
        }

        var words = items.Cast<YScalar>().Select(i => i.Value).ToList();
        foreach (var bad in items.Cast<YScalar>().Where(i => i.Value is not ("value" or "grad")))
        {
            bag.Report(bad, $"question {id}: unknown annotation '{YamlValues.Shorten(bad.Value)}'{DidYouMean.Hint(bad.Value, ["value", "grad"])}: annotate is [], [value] or [value, grad]");
            ok = false;
        }

        if (words.Contains("grad") && !words.Contains("value"))
        {
            bag.Report(node, $"question {id}: grad annotations come with value annotations: write [value, grad]");
            ok = false;
        }

        return (words.Contains("value"), words.Contains("grad"), node.Start);
    }

    private static GraphWeights ReadWeights(string id, YMapping q, bool annotated, DiagnosticBag bag, ref bool ok)
    {
        if (q["weights"] is not { } node)
        {
            return GraphWeights.Default(annotated);
        }

        if (node is not YMapping m)
        {
            bag.Report(node, $"question {id}: weights is a mapping such as {{ function: 0.5, structure: 0.25, annotations: 0.25 }}");
            ok = false;
            return GraphWeights.Default(annotated);
        }

        AssignmentLoader.CheckKeys(m, WeightKeys, bag, "weights");
        double Share(string key)
        {
            if (m[key] is not { } v)
            {
                return 0;
            }

            var x = YamlValues.Number(v, bag, $"weights.{key}");
            if (x is null or < 0 or > 1)
            {
                if (x is not null)
                {
                    bag.Report(v, $"question {id}: weights.{key} must be from 0 to 1, got {x}");
                }

                return double.NaN;
            }

            return x.Value;
        }

        var weights = new GraphWeights(Share("function"), Share("structure"), Share("annotations"));
        var sum = weights.Function + weights.Structure + weights.Annotations;
        if (double.IsNaN(sum))
        {
            ok = false;
        }
        else if (Math.Abs(sum - 1) > 1e-9)
        {
            bag.Report(node, $"question {id}: weights must sum to 1, got {sum:0.###}");
            ok = false;
        }
        else if (!annotated && weights.Annotations > 0)
        {
            bag.Report(node, $"question {id}: weights.annotations is {weights.Annotations} but the question asks for no annotations (add annotate: [value] or [value, grad])");
            ok = false;
        }

        return weights;
    }
}
