namespace Grader.Domain.Expressions;

/// <summary>A node of a parsed expression; <see cref="Column"/> is 1-based in the expression's text.</summary>
public abstract record Expr(int Column)
{
    /// <summary>The column where the expression's text starts (for a binary operation, its left operand's start).</summary>
    public virtual int StartColumn => Column;
}
