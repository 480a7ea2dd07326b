namespace Grader.Domain.Expressions;

/// <summary>A lexical token: a number, a name, a symbol, or the end.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, double Number, int Column);
