using System.Text.RegularExpressions;
using Grader.Domain.Expressions;
using Grader.Domain.Yaml;
using Grader.Reference;

namespace Grader.Domain.Graphs;

/// <summary>
/// Reads a student's graph: a YAML (or JSON) list whose items are node lines (<c>"q = x + y"</c>),
/// maps <c>{ node: "q = x + y", value: 3, grad: -4 }</c> and <c>{ input: x, grad: -4 }</c>, or one
/// text of such lines, annotations written <c>q = x + y | value 3 | grad -4</c> and <c>x | grad -4</c>
/// (the student page's form). Bounds (<see cref="GraphLimits"/>) are checked before anything is parsed.
/// </summary>
public static partial class GraphAnswerReader
{
    private static readonly string[] MapKeys = ["node", "input", "value", "grad"];

    /// <summary>True when an answer is written as a graph (node lines or node maps), not as a value.</summary>
    public static bool LooksLikeGraph(YNode node) => node switch
    {
        YSequence s => s.Items.Any(i => i is YMapping m ? m["node"] is not null || m["input"] is not null : i is YScalar sc && IsLine(sc.Value)),
        YScalar s => IsLine(s.Value),
        _ => false,
    };

    /// <summary>Reads a graph answer from its YAML node.</summary>
    public static GraphAnswer Read(YNode node) => node switch
    {
        YScalar s => Read(s.Value),
        YSequence list => ReadItems(list.Items),
        _ => new GraphAnswer([], "a graph is a list of node lines such as \"q = x + y\""),
    };

    /// <summary>Reads a graph answer written as text, one node a line (blank lines and lines starting with # are skipped).</summary>
    public static GraphAnswer Read(string text)
    {
        var raw = text.Split('\n');
        if (raw.Length > 2 * GraphLimits.MaxNodes && raw.Count(l => l.Contains('=')) is var n && n > GraphLimits.MaxNodes)
        {
            return TooMany(n);
        }

        var lines = new List<GraphLine>();
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var (read, error) = ReadText(i + 1, line);
            if (error is not null)
            {
                return new GraphAnswer([], error);
            }

            lines.Add(read!);
        }

        return Checked(lines);
    }

    private static GraphAnswer ReadItems(IReadOnlyList<YNode> items)
    {
        var nodes = items.Count(i => i is YMapping m ? m["input"] is null : i is not YScalar s || !s.Value.Contains('|') || s.Value.Contains('='));
        if (nodes > GraphLimits.MaxNodes)
        {
            return TooMany(nodes);
        }

        if (items.Count > 2 * GraphLimits.MaxNodes)
        {
            return new GraphAnswer([], $"the graph has {items.Count} lines; the limit is {GraphLimits.MaxNodes} nodes and their inputs");
        }

        var lines = new List<GraphLine>();
        for (var i = 0; i < items.Count; i++)
        {
            var (read, error) = items[i] switch
            {
                YScalar s => ReadText(i + 1, s.Value.Trim()),
                YMapping m => ReadMap(i + 1, m),
                var other => (null, $"line {i + 1}: a graph line is text such as \"q = x + y\" or a map {{ node: ..., value: ..., grad: ... }}, not {other.Kind}"),
            };
            if (error is not null)
            {
                return new GraphAnswer([], error);
            }

            lines.Add(read!);
        }

        return Checked(lines);
    }

    private static GraphAnswer TooMany(int nodes) =>
        new([], $"the graph has {nodes} nodes; the limit is {GraphLimits.MaxNodes}");

    private static GraphAnswer Checked(List<GraphLine> lines)
    {
        if (lines.Count(l => !l.IsInput) is var n && n > GraphLimits.MaxNodes)
        {
            return TooMany(n);
        }

        return lines.Any(l => !l.IsInput)
            ? new GraphAnswer(lines, null)
            : new GraphAnswer([], "the graph has no nodes: write one node a line, such as q = x + y");
    }

    private static (GraphLine? Line, string? Error) ReadText(int line, string text)
    {
        if (text.Length > GraphLimits.MaxLineLength)
        {
            return (null, TooLong(line, text));
        }

        var parts = text.Split('|');
        var (head, error) = ReadHead(line, parts[0].Trim(), null);
        if (error is not null)
        {
            return (null, error);
        }

        Tensor? value = null, grad = null;
        foreach (var part in parts.Skip(1).Select(p => p.Trim()))
        {
            var space = part.IndexOfAny([' ', '\t', ':']);
            var word = space < 0 ? part : part[..space];
            var rest = space < 0 ? "" : part[(space + 1)..].Trim();
            if (word is not ("value" or "grad"))
            {
                return (null, $"line {line}: an annotation is 'value NUMBER' or 'grad NUMBER', got '{YamlValues.Shorten(part)}'");
            }

            var (t, e) = Number(line, word, rest);
            if (e is not null)
            {
                return (null, e);
            }

            if (word == "value")
            {
                value = t;
            }
            else
            {
                grad = t;
            }
        }

        return (head! with { Value = value, Grad = grad }, null);
    }

    private static (GraphLine? Line, string? Error) ReadMap(int line, YMapping m)
    {
        if (m.Entries.FirstOrDefault(e => !MapKeys.Contains(e.Key.Value)) is { Key: { } unknown })
        {
            return (null, $"line {line}: unknown key '{YamlValues.Shorten(unknown.Value)}'{DidYouMean.Hint(unknown.Value, MapKeys)} (a graph line has node or input, and value, grad)");
        }

        if ((m["node"] is null) == (m["input"] is null))
        {
            return (null, $"line {line}: write either node: \"q = x + y\" or input: x");
        }

        var isInput = m["input"] is not null;
        if ((m["node"] ?? m["input"]) is not YScalar head)
        {
            return (null, $"line {line}: {(isInput ? "input is an input's name" : "node is a line such as \"q = x + y\"")}");
        }

        if (head.Value.Length > GraphLimits.MaxLineLength)
        {
            return (null, TooLong(line, head.Value));
        }

        var (read, error) = ReadHead(line, head.Value.Trim(), isInput);
        if (error is not null)
        {
            return (null, error);
        }

        Tensor? value = null, grad = null;
        foreach (var (key, node) in new[] { ("value", m["value"]), ("grad", m["grad"]) })
        {
            if (node is null || node is YScalar { Quoted: false, Value: "" or "~" or "null" })
            {
                continue;
            }

            try
            {
                var t = YamlValues.Tensor(node);
                if (!t.IsFinite())
                {
                    return (null, $"line {line}: the {key} is not a finite number");
                }

                (value, grad) = key == "value" ? (t, grad) : (value, t);
            }
            catch (Exception ex) when (ex is YamlFormatException or ShapeException)
            {
                return (null, $"line {line}: cannot read the {key}: {ex.Message}");
            }
        }

        return (read! with { Value = value, Grad = grad }, null);
    }

    /// <summary>The refusal of a line over <see cref="GraphLimits.MaxLineLength"/>: its name's length when the name is too long, else the line's.</summary>
    private static string TooLong(int line, string text)
    {
        var end = text.AsSpan().IndexOfAny('=', '|');
        var name = (end < 0 ? text : text[..end]).Trim();
        return name.Length > GraphLimits.MaxNameLength
            ? $"line {line}: a name is {name.Length} characters long; the limit is {GraphLimits.MaxNameLength}"
            : $"line {line}: the line is {text.Length} characters long; the limit is {GraphLimits.MaxLineLength}";
    }

    /// <summary>Reads <c>name = operation</c> (a node) or <c>name</c> (an input); <paramref name="isInput"/> null lets the text decide.</summary>
    private static (GraphLine? Line, string? Error) ReadHead(int line, string text, bool? isInput)
    {
        var eq = text.IndexOf('=');
        if (isInput == true && eq >= 0)
        {
            return (null, $"line {line}: input: takes an input's name alone; a node is written node: \"{YamlValues.Shorten(text)}\"");
        }

        if (isInput == false && eq < 0)
        {
            return (null, $"line {line}: a node is written name = operation, such as q = x + y");
        }

        var name = (eq < 0 ? text : text[..eq]).Trim();
        if (name.Length > GraphLimits.MaxNameLength)
        {
            return (null, $"line {line}: a name is {name.Length} characters long; the limit is {GraphLimits.MaxNameLength}");
        }

        if (!Name().IsMatch(name))
        {
            return (null, name.Length == 0
                ? $"line {line}: the line has no name: write name = operation, such as q = x + y"
                : $"line {line}: '{YamlValues.Shorten(name)}' is not a name: use letters, digits and '_', starting with a letter");
        }

        if (eq < 0)
        {
            return (new GraphLine(line, name, null, true, null, null), null);
        }

        var operation = text[(eq + 1)..].Trim();
        return operation.Length == 0
            ? (null, $"line {line}: {name} = what? Write one operation after '='")
            : (new GraphLine(line, name, operation, false, null, null), null);
    }

    private static (Tensor? Value, string? Error) Number(int line, string what, string text)
    {
        try
        {
            var t = new ExpressionEvaluator(ConstantScope.Instance).Evaluate(ExpressionParser.Parse(text)).Value;
            return t.IsFinite() ? (t, null) : (null, $"line {line}: the {what} is not a finite number");
        }
        catch (ExpressionException ex)
        {
            return (null, $"line {line}: cannot read the {what} '{YamlValues.Shorten(text)}': {ex.Message}");
        }
        catch (ShapeException ex)
        {
            return (null, $"line {line}: cannot read the {what}: {ex.Message}");
        }
    }

    /// <summary>True for <c>name = …</c> or <c>name | …</c>: only a name's characters before the first '=' or '|'.</summary>
    private static bool IsLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('=', '|');
        if (end <= 0)
        {
            return false;
        }

        var head = text.AsSpan(0, end);
        return head.ContainsAnyExcept(NameCharacters) is false && head.Trim().Length > 0
            || (text.Contains('\n') && text.Split('\n').Any(l => l.AsSpan().IndexOfAny('=', '|') is > 0 and var k && !l.AsSpan(0, k).ContainsAnyExcept(NameCharacters)));
    }

    private static readonly System.Buffers.SearchValues<char> NameCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ \t\r");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex Name();
}
