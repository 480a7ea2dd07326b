using System.Globalization;

namespace Grader.Domain.Expressions;

/// <summary>Splits an expression into tokens.</summary>
internal static class Lexer
{
    private const string Symbols = "+-*/^@()[],=:";

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, text[start..i], 0, start + 1));
            }
            else if (Comparison(text, i) is { } comparison)
            {
                // Comparisons are one symbol each: < > and ≤ ≥ ≡ ≠ for <= >= == !=.
                tokens.Add(new Token(TokenKind.Symbol, comparison.Symbol, 0, i + 1));
                i += comparison.Length;
            }
            else if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                tokens.Add(new Token(TokenKind.Symbol, "^", 0, i + 1));
                i += 2;
            }
            else if (c is '"' or '\'')
            {
                var close = text.IndexOf(c, i + 1);
                if (close < 0)
                {
                    throw new ExpressionException($"the quote {c} opened here is never closed", i + 1);
                }

                tokens.Add(new Token(TokenKind.Text, text[(i + 1)..close], 0, i + 1));
                i = close + 1;
            }
            else if (Symbols.Contains(c))
            {
                tokens.Add(new Token(TokenKind.Symbol, c.ToString(), 0, i + 1));
                i++;
            }
            else
            {
                throw new ExpressionException($"unexpected character '{c}'", i + 1);
            }
        }

        tokens.Add(new Token(TokenKind.End, "", 0, text.Length + 1));
        return tokens;
    }

    private static Token ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-'))
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        var literal = text[start..i];
        var value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw new ExpressionException($"number {literal} is too large", start + 1);
        }

        return new Token(TokenKind.Number, literal, value, start + 1);
    }

    /// <summary>The comparison operator starting at i, as its one-character symbol and its length, or null.</summary>
    private static (string Symbol, int Length)? Comparison(string text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return (text[i], next) switch
        {
            ('<', '=') => ("≤", 2),
            ('>', '=') => ("≥", 2),
            ('=', '=') => ("≡", 2),
            ('!', '=') => ("≠", 2),
            ('<', _) => ("<", 1),
            ('>', _) => (">", 1),
            _ => null,
        };
    }
}
