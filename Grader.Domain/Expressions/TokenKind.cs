namespace Grader.Domain.Expressions;

/// <summary>The kinds of token of the expression language.</summary>
internal enum TokenKind
{
    Number,
    Name,
    Symbol,
    Text,
    End,
}
