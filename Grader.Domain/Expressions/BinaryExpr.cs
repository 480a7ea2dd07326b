namespace Grader.Domain.Expressions;

/// <summary>A binary operation: <c>+ - * / ^ @</c>; <see cref="Expr.Column"/> is the operator's.</summary>
public sealed record BinaryExpr(char Operator, Expr Left, Expr Right, int Column) : Expr(Column)
{
    /// <inheritdoc />
    public override int StartColumn => Left.StartColumn;
}
