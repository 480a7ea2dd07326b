namespace Grader.Domain.Expressions;

/// <summary>
/// Parses the expression language by recursive descent with bounded depth and length.
/// Precedence, lowest first: comparisons <c>&lt; &lt;= &gt; &gt;= == !=</c> (one a level, not chained);
/// <c>+ -</c>; <c>* / @</c>; unary <c>-</c>; <c>^</c> (right-associative,
/// so <c>-2^2</c> is −4 and <c>2^3^2</c> is 2^9); calls, names, numbers, lists, parentheses, each
/// optionally indexed (<c>x[i, 1:3]</c>, <c>W[idx]</c>, binding tighter than <c>^</c>).
/// </summary>
public sealed class ExpressionParser
{
    private readonly List<Token> tokens;
    private int pos;
    private int depth;

    private ExpressionParser(List<Token> tokens) => this.tokens = tokens;

    /// <summary>Parses a whole expression; throws <see cref="ExpressionException"/> with a column.</summary>
    public static Expr Parse(string text)
    {
        if (text.Length > Limits.MaxExpressionLength)
        {
            throw new ExpressionException($"expression longer than {Limits.MaxExpressionLength} characters", 1);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ExpressionException("empty expression", 1);
        }

        var parser = new ExpressionParser(Lexer.Tokenize(text));
        var expr = parser.ParseExpression();
        var t = parser.Peek;
        if (t.Kind != TokenKind.End)
        {
            throw new ExpressionException($"unexpected '{Typed(t.Text)}' after the end of the expression", t.Column);
        }

        return expr;
    }

    private Token Peek => tokens[pos];

    private Token Next() => tokens[pos++];

    private bool At(string symbol) => Peek.Kind == TokenKind.Symbol && Peek.Text == symbol;

    private Expr ParseExpression()
    {
        if (++depth > Limits.MaxExpressionDepth)
        {
            throw new ExpressionException($"expression nested deeper than {Limits.MaxExpressionDepth} levels", Peek.Column);
        }

        var left = ParseSum();
        if (Peek.Kind == TokenKind.Symbol && Peek.Text is "<" or ">" or "≤" or "≥" or "≡" or "≠")
        {
            var op = Next();
            left = new BinaryExpr(op.Text[0], left, ParseSum(), op.Column);
        }

        depth--;
        return left;
    }

    private Expr ParseSum()
    {
        var left = ParseTerm();
        while (At("+") || At("-"))
        {
            var op = Next();
            left = new BinaryExpr(op.Text[0], left, ParseTerm(), op.Column);
        }

        return left;
    }

    private Expr ParseTerm()
    {
        var left = ParseUnary();
        while (At("*") || At("/") || At("@"))
        {
            var op = Next();
            left = new BinaryExpr(op.Text[0], left, ParseUnary(), op.Column);
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (At("-") || At("+"))
        {
            var op = Next();
            if (++depth > Limits.MaxExpressionDepth)
            {
                throw new ExpressionException($"expression nested deeper than {Limits.MaxExpressionDepth} levels", op.Column);
            }

            var operand = ParseUnary();
            depth--;
            return new UnaryExpr(op.Text[0], operand, op.Column);
        }

        return ParsePower();
    }

    private Expr ParsePower()
    {
        var b = ParseIndexing(ParsePrimary());
        if (!At("^"))
        {
            return b;
        }

        var op = Next();
        if (++depth > Limits.MaxExpressionDepth)
        {
            throw new ExpressionException($"expression nested deeper than {Limits.MaxExpressionDepth} levels", op.Column);
        }

        var exponent = ParseUnary();
        depth--;
        return new BinaryExpr('^', b, exponent, op.Column);
    }

    private Expr ParsePrimary()
    {
        var t = Next();
        switch (t.Kind)
        {
            case TokenKind.Number:
                return new NumberExpr(t.Number, t.Column);
            case TokenKind.Text:
                return new TextExpr(t.Text, t.Column);
            case TokenKind.Name when At("("):
                return ParseCall(t);
            case TokenKind.Name:
                return new NameExpr(t.Text, t.Column);
            case TokenKind.Symbol when t.Text == "(":
                return ParseParenthesised(t);
            case TokenKind.Symbol when t.Text == "[":
                return ParseList(t);
            case TokenKind.End:
                throw new ExpressionException("the expression ends too early", t.Column);
            default:
                throw new ExpressionException($"unexpected '{Typed(t.Text)}'", t.Column);
        }
    }

    /// <summary>
    /// Any number of indexes after a primary: <c>[item, …]</c>, each item an expression or a slice
    /// <c>start:stop:step</c> whose parts are optional (<c>:</c>, <c>::2</c>, <c>1:</c>).
    /// </summary>
    private Expr ParseIndexing(Expr target)
    {
        var chained = 0;
        while (At("["))
        {
            chained++;
            var open = Next();
            if (++depth > Limits.MaxExpressionDepth)
            {
                throw new ExpressionException($"expression nested deeper than {Limits.MaxExpressionDepth} levels", open.Column);
            }

            if (At("]"))
            {
                throw new ExpressionException("an index needs at least one item, as in x[0]", Peek.Column);
            }

            var items = new List<Expr>();
            do
            {
                items.Add(ParseIndexItem());
            }
            while (TryTake(","));

            Expect("]", open);
            target = new IndexExpr(target, items, open.Column);
        }

        // A chain x[0][1]… nests as deeply as it is long: each index counts until the chain ends.
        depth -= chained;
        return target;
    }

    private Expr ParseIndexItem()
    {
        var start = At(":") ? null : ParseExpression();
        if (!At(":"))
        {
            return start!;
        }

        var colon = Next();
        var stop = AtSliceEnd() ? null : ParseExpression();
        Expr? step = null;
        if (TryTake(":"))
        {
            step = AtSliceEnd() ? null : ParseExpression();
        }

        return new SliceExpr(start, stop, step, colon.Column);
    }

    private bool AtSliceEnd() => At(":") || At(",") || At("]");

    /// <summary>
    /// <c>(a)</c> is a, and a Python tuple <c>(a, b)</c>, <c>(a,)</c> or <c>()</c> is the list
    /// <c>[a, b]</c>, as PyTorch takes tuples for its sizes and axes (<c>dim=(0, 2)</c>, <c>stride=(2, 1)</c>).
    /// </summary>
    private Expr ParseParenthesised(Token open)
    {
        if (TryTake(")"))
        {
            return new ListExpr([], open.Column);
        }

        var inner = ParseExpression();
        if (!TryTake(","))
        {
            Expect(")", open);
            return inner;
        }

        var items = new List<Expr> { inner };
        while (!At(")"))
        {
            items.Add(ParseExpression());
            if (!TryTake(","))
            {
                break;
            }
        }

        Expect(")", open);
        return new ListExpr(items, open.Column);
    }

    private ListExpr ParseList(Token open)
    {
        if (++depth > Limits.MaxExpressionDepth)
        {
            throw new ExpressionException($"expression nested deeper than {Limits.MaxExpressionDepth} levels", open.Column);
        }

        var items = new List<Expr>();
        if (!At("]"))
        {
            do
            {
                items.Add(ParseExpression());
            }
            while (TryTake(","));
        }

        Expect("]", open);
        depth--;
        return new ListExpr(items, open.Column);
    }

    private CallExpr ParseCall(Token name)
    {
        var open = Next();
        if (++depth > Limits.MaxExpressionDepth)
        {
            throw new ExpressionException($"expression nested deeper than {Limits.MaxExpressionDepth} levels", open.Column);
        }

        var args = new List<Expr>();
        var keywords = new List<KeywordArgument>();
        if (!At(")"))
        {
            do
            {
                if (Peek.Kind == TokenKind.Name && tokens[pos + 1] is { Kind: TokenKind.Symbol, Text: "=" })
                {
                    var key = Next();
                    Next();
                    if (keywords.Any(k => k.Name == key.Text))
                    {
                        throw new ExpressionException($"argument '{key.Text}' given twice", key.Column);
                    }

                    keywords.Add(new KeywordArgument(key.Text, ParseExpression(), key.Column));
                }
                else if (keywords.Count > 0)
                {
                    throw new ExpressionException("a positional argument cannot follow a keyword argument", Peek.Column);
                }
                else
                {
                    args.Add(ParseExpression());
                }
            }
            while (TryTake(","));
        }

        Expect(")", open);
        depth--;
        return new CallExpr(name.Text, args, keywords, name.Column);
    }

    private bool TryTake(string symbol)
    {
        if (!At(symbol))
        {
            return false;
        }

        pos++;
        return true;
    }

    private void Expect(string symbol, Token opener)
    {
        if (!TryTake(symbol))
        {
            var t = Peek;
            var found = t.Kind == TokenKind.End ? "the end" : $"'{t.Text}'";
            throw new ExpressionException($"expected '{symbol}' to close '{opener.Text}' at column {opener.Column}, found {found}", t.Column);
        }
    }

    /// <summary>A token as the author typed it: the lexer's one-symbol comparisons (≤ ≥ ≡ ≠) spelled back as &lt;= &gt;= == !=.</summary>
    private static string Typed(string text) => text.Length == 1 ? ExprText.Spelling(text[0]) : text;
}
