using System.Text;
using System.Text.RegularExpressions;

namespace Grader.Domain.Grading;

/// <summary>
/// Reads vectors as NumPy and MATLAB print them (<c>[-0.0559 -0.1049]</c>, <c>[[1 2] [3 4]]</c>, rows
/// on several lines) in answers, never in assignment expressions: inside brackets with no comma at
/// that level, whitespace separates elements, and a sign with a space before it and none after it
/// starts a new element (MATLAB's rule: <c>[1 -2]</c> is two elements, <c>[1 - 2]</c> one). Each
/// separator becomes a comma, so the ordinary reader does the rest and columns stay where they were.
/// </summary>
public static partial class AnswerSeparators
{
    /// <summary>
    /// The text with every separator replaced, in place, by a comma (same length, so a column in the
    /// result is the column in <paramref name="text"/>). Text with quotes or unbalanced brackets is returned unchanged.
    /// </summary>
    public static string InAnswer(string text)
    {
        var gaps = Gaps(text, 0, text.Length);
        if (gaps.Count == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var g in gaps)
        {
            chars[g] = ',';
        }

        return new string(chars);
    }

    /// <summary>
    /// An answer file's YAML with the separators of each unquoted flow list written after a key
    /// (<c>w: [1 -2]</c>) made commas, so that YAML reads those lists: a comma replaces a space, or
    /// goes before the line break of a row that ends a line, so lines and columns stay where they were.
    /// Lists holding anything YAML would read differently (quotes, <c>#</c>, <c>:</c>, braces) are left alone.
    /// </summary>
    public static string InFile(string text)
    {
        StringBuilder? sb = null;
        var copied = 0;
        var lineStart = 0;
        var firstOnLine = true;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                (lineStart, firstOnLine) = (i + 1, true);
                continue;
            }

            // Only a line's first bracket can follow a key, so each line is matched once (linear time).
            if (text[i] != '[' || !firstOnLine)
            {
                continue;
            }

            firstOnLine = false;
            if (!KeyBefore().IsMatch(text.AsSpan(lineStart, i - lineStart)))
            {
                continue;
            }

            var end = Closing(text, i, out var stop);
            if (end < 0)
            {
                // No key can start a list before the stop (a key's colon would have stopped the scan).
                for (; i + 1 < stop; i++)
                {
                    Pass(text[i + 1], i + 1, ref lineStart, ref firstOnLine);
                }

                continue;
            }

            var gaps = Gaps(text, i, end + 1);
            foreach (var g in gaps)
            {
                sb ??= new StringBuilder(text.Length + 16);
                var run = g;
                while (run < end && text[run] is ' ' or '\t' or '\r')
                {
                    run++;
                }

                // Before a line break the comma is added (the line's later text is only spaces); else it replaces a space.
                sb.Append(text, copied, g - copied).Append(',');
                copied = text[run] == '\n' ? g : g + 1;
            }

            for (; i < end; i++)
            {
                Pass(text[i + 1], i + 1, ref lineStart, ref firstOnLine);
            }
        }

        return sb is null ? text : sb.Append(text, copied, text.Length - copied).ToString();
    }

    private static void Pass(char c, int at, ref int lineStart, ref bool firstOnLine)
    {
        if (c == '\n')
        {
            (lineStart, firstOnLine) = (at + 1, true);
        }
        else if (c == '[')
        {
            firstOnLine = false;
        }
    }

    /// <summary>
    /// The first empty element of a list written with commas (<c>[1, , 3]</c>, <c>[[1, 2], [, 4]]</c>
    /// as a grid of cells with one left blank writes it, <c>[1, 2, ]</c>), said in the student's terms
    /// ("row 2, column 1 is empty"), with the 1-based column of the comma or bracket after it; null
    /// when there is none. An empty list <c>[]</c> is no empty element; commas inside a call's
    /// parentheses are left to the parser.
    /// </summary>
    public static (string Message, int Column)? EmptyElement(string text)
    {
        var open = new List<int>(); // the current element's index in each open '[' (-1 for a '(')
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[':
                    open.Add(0);
                    break;
                case '(':
                    open.Add(-1);
                    break;
                case ']' or ')':
                    if (open.Count == 0)
                    {
                        return null; // unbalanced: the parser says so
                    }

                    open.RemoveAt(open.Count - 1);
                    continue;
                case ',' when open.Count > 0 && open[^1] >= 0:
                    open[^1]++;
                    break;
                default:
                    continue;
            }

            // After '[' or a list's ',': the next character that is not a space starts the element.
            var next = i + 1;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            var empty = next < text.Length && (text[next] == ',' || (text[next] == ']' && text[i] == ','));
            if (empty && text[i] != '(' && open.TrueForAll(k => k >= 0))
            {
                return (Describe(open), next + 1);
            }
        }

        return null;

        static string Describe(List<int> index) => index.Count switch
        {
            1 => $"element {index[0] + 1} of the list is empty; write a number in it",
            2 => $"row {index[0] + 1}, column {index[1] + 1} is empty; write a number in every cell",
            _ => $"the element at [{string.Join(", ", index)}] (counting from 0) is empty; write a number in every cell",
        };
    }

    /// <summary>
    /// The 1-based column of a comma written as a decimal comma (<c>1,5</c>) outside any bracket, or 0.
    /// </summary>
    public static int DecimalComma(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[' or '(':
                    depth++;
                    break;
                case ']' or ')':
                    depth--;
                    break;
                case ',' when depth == 0 && i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]):
                    return i + 1;
            }
        }

        return 0;
    }

    // The index where the bracket at start closes (matching [ ] and ( )), or -1; only characters an
    // answer list holds may come between, so YAML-significant text is never touched.
    private static int Closing(string text, int start, out int stop)
    {
        var depth = 0;
        stop = text.Length;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '[' or '(')
            {
                depth++;
            }
            else if (c is ']' or ')')
            {
                if (--depth == 0)
                {
                    stop = i;
                    return c == ']' ? i : -1;
                }
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || char.IsWhiteSpace(c) || c is '.' or ',' or '+' or '-' or '*' or '/' or '^' or '_' or '@'))
            {
                stop = i;
                return -1;
            }
        }

        return -1;
    }

    // The first character of every separating run of whitespace in text[start..end], in order
    // (lists are made only for a list that has gaps: most answers are written with commas).
    private static List<int> Gaps(string text, int start, int end)
    {
        var frames = new List<Frame>();
        List<int>? accepted = null;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"' or '\'':
                    return [];
                case '[' or '(':
                    frames.Add(new Frame(c));
                    break;
                case ']' or ')':
                    if (frames.Count == 0 || frames[^1].Open != (c == ']' ? '[' : '('))
                    {
                        return [];
                    }

                    var f = frames[^1];
                    frames.RemoveAt(frames.Count - 1);
                    if (f.Open == '[' && !f.HasComma && f.Gaps is { } found)
                    {
                        (accepted ??= []).AddRange(found);
                    }

                    break;
                case ',':
                    if (frames.Count > 0)
                    {
                        frames[^1].HasComma = true;
                    }

                    break;
                default:
                    if (char.IsWhiteSpace(c) && frames.Count > 0 && frames[^1].Open == '[')
                    {
                        var run = i;
                        while (i + 1 < end && char.IsWhiteSpace(text[i + 1]))
                        {
                            i++;
                        }

                        if (run > start && EndsOperand(text[run - 1]) && i + 1 < end && StartsOperand(text, i + 1, end))
                        {
                            (frames[^1].Gaps ??= []).Add(run);
                        }
                    }

                    break;
            }
        }

        if (frames.Count > 0 || accepted is null)
        {
            return [];
        }

        accepted.Sort();
        return accepted;
    }

    private static bool EndsOperand(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ')' or ']';

    private static bool StartsOperand(string text, int i, int end) => text[i] switch
    {
        '+' or '-' => i + 1 < end && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] is not (']' or ',' or ')'),
        var c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '(' or '[',
    };

    // A key and its colon (plain or quoted, after any "- " of a block sequence), then only spaces.
    [GeneratedRegex("""^[ \t]*(?:-[ \t]+)*(?:[^\s#'"\[\]{},:-][^#'"\[\]{},]*?|"[^"]*"|'[^']*')[ \t]*:[ \t]+$""")]
    private static partial Regex KeyBefore();

    private sealed class Frame(char open)
    {
        public char Open { get; } = open;

        public bool HasComma { get; set; }

        public List<int>? Gaps { get; set; }
    }
}
