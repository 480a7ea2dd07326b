namespace Grader.Domain.Yaml;

/// <summary>
/// Reads, without YamlDotNet's general parser, the plain subset of YAML that answer files are
/// nearly always written in (as the answer page and <c>AnswerFileYaml</c> write them): a block
/// mapping of keys to plain scalars, simple double-quoted strings and one-line flow lists of plain
/// scalars, with one level of nested block mapping. For any text outside that subset it returns
/// null, and the caller reads the text with <see cref="SafeYamlReader"/>; for text inside it, the tree
/// is the one <see cref="SafeYamlReader"/> builds, positions included (the tests compare the two).
/// Intake reads every submitted file, so this is on the service's hot path.
/// </summary>
public static class PlainYamlReader
{
    /// <summary>The tree of a document in the plain subset, or null when the general reader must read it.</summary>
    public static YNode? TryRead(string text, string? skipFirstLine = null)
    {
        var reader = new Reader(text);
        if (skipFirstLine is not null && !reader.SkipLine(skipFirstLine))
        {
            return null;
        }

        return reader.Document();
    }

    private sealed class Reader(string text)
    {
        private int pos;
        private int line = 1;
        private int lineStart;
        private int nodes;

        public bool SkipLine(string expected)
        {
            if (!text.StartsWith(expected, StringComparison.Ordinal) || text.Length == expected.Length || text[expected.Length] != '\n')
            {
                return false;
            }

            NextLine(expected.Length);
            return true;
        }

        public YNode? Document()
        {
            var entries = new List<KeyValuePair<YScalar, YNode>>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            SourcePosition? start = null;
            while (SkipBlankLines())
            {
                if (text[pos] == ' ')
                {
                    return null; // indented where a top-level key was expected
                }

                if (Key() is not { } key || !keys.Add(key.Value))
                {
                    return null;
                }

                start ??= key.Start;
                var value = pos < text.Length && text[pos] == '\n' ? NestedMapping() : InlineValue();
                if (value is null)
                {
                    return null;
                }

                entries.Add(new(key, value));
            }

            return start is { } s && Count(1) ? new YMapping(entries, s) : null;
        }

        /// <summary>A key at <see cref="pos"/> followed by ':' (consumed, with one space if a value follows on the line).</summary>
        private YScalar? Key()
        {
            var from = pos;
            if (from >= text.Length || !(char.IsAsciiLetterOrDigit(text[from]) || text[from] == '_'))
            {
                return null;
            }

            while (pos < text.Length && IsKeyChar(text[pos]))
            {
                pos++;
            }

            if (pos >= text.Length || text[pos] != ':')
            {
                return null;
            }

            var key = new YScalar(text[from..pos], At(from), Quoted: false, SingleLine: true);
            pos++;
            if (pos < text.Length && text[pos] == ' ')
            {
                pos++;
            }
            else if (pos < text.Length && text[pos] != '\n')
            {
                return null;
            }

            return Count(1) ? key : null;
        }

        /// <summary>The indented lines after a key with nothing after its ':' as a mapping.</summary>
        private YMapping? NestedMapping()
        {
            NextLine(pos);
            var entries = new List<KeyValuePair<YScalar, YNode>>();
            var nestedKeys = new HashSet<string>(StringComparer.Ordinal);
            var indent = -1;
            SourcePosition? start = null;
            while (SkipBlankLines() && text[pos] == ' ')
            {
                var from = pos;
                while (pos < text.Length && text[pos] == ' ')
                {
                    pos++;
                }

                if (indent < 0)
                {
                    indent = pos - from;
                }
                else if (pos - from != indent)
                {
                    return null;
                }

                if (Key() is not { } key || !nestedKeys.Add(key.Value) || pos >= text.Length || text[pos] == '\n')
                {
                    return null; // a duplicate, or a deeper level: the general reader reads it
                }

                start ??= key.Start;
                if (InlineValue() is not { } value)
                {
                    return null;
                }

                entries.Add(new(key, value));
            }

            return start is { } s && Count(1) ? new YMapping(entries, s) : null;
        }

        /// <summary>A value on the rest of the line (plain, double-quoted or a flow list), then the line's end.</summary>
        private YNode? InlineValue()
        {
            if (pos >= text.Length)
            {
                return null;
            }

            YNode? value = text[pos] switch
            {
                '"' => Quoted(),
                '[' => FlowList(1),
                _ => Plain(inFlow: false),
            };
            if (value is null || (pos < text.Length && text[pos] != '\n'))
            {
                return null;
            }

            if (pos < text.Length)
            {
                NextLine(pos);
            }

            return value;
        }

        private YScalar? Quoted()
        {
            var from = pos;
            pos++;
            while (pos < text.Length && text[pos] != '"')
            {
                var c = text[pos];
                if (c == '\\' || c < ' ' || c > '~')
                {
                    return null;
                }

                pos++;
            }

            if (pos >= text.Length)
            {
                return null;
            }

            pos++;
            return Count(1) ? new YScalar(text[(from + 1)..(pos - 1)], At(from), Quoted: true, SingleLine: true) : null;
        }

        private YScalar? Plain(bool inFlow)
        {
            var from = pos;
            while (pos < text.Length && IsPlainChar(text[pos]))
            {
                pos++;
            }

            if (pos == from || (text[from] == '-' && (pos == from + 1 || !(char.IsAsciiDigit(text[from + 1]) || text[from + 1] == '.'))))
            {
                return null;
            }

            if (!inFlow && pos < text.Length && text[pos] != '\n')
            {
                return null;
            }

            return Count(1) ? new YScalar(text[from..pos], At(from), Quoted: false, SingleLine: true) : null;
        }

        /// <summary>A one-line flow list: items separated by a comma and spaces, no space elsewhere.</summary>
        private YSequence? FlowList(int depth)
        {
            if (depth >= Limits.MaxYamlDepth)
            {
                return null;
            }

            var start = At(pos);
            pos++;
            var items = new List<YNode>();
            while (true)
            {
                if (pos >= text.Length)
                {
                    return null;
                }

                YNode? item = text[pos] == '[' ? FlowList(depth + 1) : Plain(inFlow: true);
                if (item is null || pos >= text.Length)
                {
                    return null;
                }

                items.Add(item);
                if (text[pos] == ']')
                {
                    pos++;
                    return Count(1) ? new YSequence(items, start) : null;
                }

                if (text[pos] != ',')
                {
                    return null;
                }

                pos++;
                while (pos < text.Length && text[pos] == ' ')
                {
                    pos++;
                }
            }
        }

        /// <summary>Skips empty lines; false at the end of the text.</summary>
        private bool SkipBlankLines()
        {
            while (pos < text.Length && text[pos] == '\n')
            {
                NextLine(pos);
            }

            return pos < text.Length;
        }

        private void NextLine(int newline)
        {
            pos = newline + 1;
            line++;
            lineStart = pos;
        }

        private SourcePosition At(int index) => new(line, index - lineStart + 1);

        private bool Count(int n) => (nodes += n) <= Limits.MaxYamlNodes;

        private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

        private static bool IsPlainChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '+';
    }
}
