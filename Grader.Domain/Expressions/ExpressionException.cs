namespace Grader.Domain.Expressions;

/// <summary>An error in an expression, at a 1-based column of its text.</summary>
public class ExpressionException(string message, int column) : Exception(message)
{
    /// <summary>Where in the expression the error is.</summary>
    public int Column { get; } = column;
}
