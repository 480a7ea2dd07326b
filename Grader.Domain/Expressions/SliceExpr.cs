namespace Grader.Domain.Expressions;

/// <summary>
/// A slice <c>start:stop:step</c> inside an index, each part optional; <see cref="Expr.Column"/>
/// is its first colon's.
/// </summary>
public sealed record SliceExpr(Expr? Start, Expr? Stop, Expr? Step, int Column) : Expr(Column)
{
    /// <inheritdoc />
    public override int StartColumn => Start?.StartColumn ?? Column;
}
