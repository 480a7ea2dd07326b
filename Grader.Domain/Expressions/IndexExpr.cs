namespace Grader.Domain.Expressions;

/// <summary>
/// Indexing <c>x[i, j]</c>, <c>x[:, 1:3]</c>, <c>W[idx]</c>: each item (an expression or a
/// <see cref="SliceExpr"/>) applies to the next axis of the target; <see cref="Expr.Column"/> is
/// the opening bracket's.
/// </summary>
public sealed record IndexExpr(Expr Target, IReadOnlyList<Expr> Items, int Column) : Expr(Column)
{
    /// <inheritdoc />
    public override int StartColumn => Target.StartColumn;
}
