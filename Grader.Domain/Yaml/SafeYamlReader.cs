using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Grader.Domain.Yaml;

/// <summary>
/// Reads one YAML document into a tree of <see cref="YNode"/>s from YamlDotNet's event parser,
/// with bounded depth and a bounded expanded size: an alias counts as the whole node it names,
/// so an alias bomb is refused in linear time instead of being expanded. Duplicate keys are errors.
/// JSON, being YAML, is read the same way.
/// </summary>
public static class SafeYamlReader
{
    /// <summary>Parses a document; throws <see cref="YamlFormatException"/> with a position.</summary>
    public static YNode Read(string text)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, (YNode Node, long Weight)>();
        var stack = new Stack<Builder>();
        YNode? root = null;
        long total = 0;
        var documents = 0;
        var last = new SourcePosition(1, 1);
        try
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                var at = new SourcePosition((int)ev.Start.Line, (int)ev.Start.Column);
                last = new SourcePosition((int)ev.End.Line, (int)ev.End.Column);
                switch (ev)
                {
                    case DocumentStart ds when !ds.IsImplicit || documents > 0:
                        if (++documents > 1)
                        {
                            throw new YamlFormatException(at, "a file holds one YAML document; found a second '---'");
                        }

                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case Scalar s:
                        var quoted = s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
                        var singleLine = s.Start.Line == s.End.Line && s.Style is not (ScalarStyle.Literal or ScalarStyle.Folded);
                        Add(new YScalar(s.Value, at, quoted, singleLine), 1, s.Anchor, at);
                        break;
                    case SequenceStart ss:
                        Push(new Builder(at, null, ss.Anchor), at);
                        break;
                    case MappingStart ms:
                        Push(new Builder(at, [], ms.Anchor), at);
                        break;
                    case SequenceEnd or MappingEnd:
                        var b = stack.Pop();
                        Add(b.Build(), b.Weight, b.Anchor, b.Start);
                        break;
                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            throw new YamlFormatException(at, $"unknown alias *{alias.Value.Value}");
                        }

                        Add(target.Node, target.Weight, AnchorName.Empty, at);
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            // Some scanner errors carry no mark at all (a tab used as indentation): place them at the tab, else after the last event read.
            var pos = ex.Start.Index == 0 && ex.End.Index == 0
                ? (ex.Message.Contains("tab", StringComparison.Ordinal) ? IndentationTab(text) : null) ?? last
                : new SourcePosition((int)ex.Start.Line, (int)ex.Start.Column);
            var hint = ex.Message.Contains("flow mapping", StringComparison.Ordinal)
                ? " (inside { ... } a comma or bracket ends the value: quote an expression that has them, answer: \"f(a, [1, 2])\")"
                : "";
            throw new YamlFormatException(pos, "YAML syntax: " + Clean(ex.Message) + hint);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // The scanner fails this way on some malformed input (an unclosed flow list running into a mapping).
            throw new YamlFormatException(last, "YAML syntax: the document cannot be parsed after this point (an unclosed bracket, brace or quote?)");
        }

        return root ?? throw new YamlFormatException(new SourcePosition(1, 1), "the file is empty");

        void Push(Builder b, SourcePosition at)
        {
            if (stack.Count >= Limits.MaxYamlDepth)
            {
                throw new YamlFormatException(at, $"nesting deeper than {Limits.MaxYamlDepth} levels");
            }

            stack.Push(b);
        }

        void Add(YNode node, long weight, AnchorName anchor, SourcePosition at)
        {
            total += weight;
            if (total > Limits.MaxYamlNodes)
            {
                throw new YamlFormatException(at, $"the document expands to more than {Limits.MaxYamlNodes} nodes (aliases counted in full)");
            }

            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = (node, weight);
            }

            if (stack.Count == 0)
            {
                root = node;
            }
            else
            {
                stack.Peek().Add(node, weight);
            }
        }
    }

    /// <summary>The first tab in a line's indentation (YAML indents with spaces only), or null.</summary>
    private static SourcePosition? IndentationTab(string text)
    {
        var line = 1;
        var column = 1;
        var indenting = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                indenting = true;
                continue;
            }

            if (indenting && c == '\t')
            {
                return new SourcePosition(line, column);
            }

            indenting &= c is ' ' or '\r' or '\uFEFF';
            column++;
        }

        return null;
    }

    private static string Clean(string message)
    {
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith('(') ? message[(i + 3)..] : message;
    }

    private sealed class Builder(SourcePosition start, List<KeyValuePair<YScalar, YNode>>? entries, AnchorName anchor)
    {
        private readonly List<YNode> items = [];
        private readonly HashSet<string> keys = [];
        private YScalar? pendingKey;

        public SourcePosition Start { get; } = start;

        public AnchorName Anchor { get; } = anchor;

        public long Weight { get; private set; } = 1;

        public void Add(YNode node, long weight)
        {
            Weight += weight;
            if (entries is null)
            {
                items.Add(node);
                return;
            }

            if (pendingKey is null)
            {
                if (node is not YScalar key)
                {
                    throw new YamlFormatException(node.Start, "mapping keys must be plain names, not " + node.Kind);
                }

                if (!keys.Add(key.Value))
                {
                    throw new YamlFormatException(key.Start, $"duplicate key '{key.Value}'");
                }

                pendingKey = key;
            }
            else
            {
                entries.Add(new(pendingKey, node));
                pendingKey = null;
            }
        }

        public YNode Build() => entries is null ? new YSequence(items, Start) : new YMapping(entries, Start);
    }
}
