namespace Grader.Domain.Expressions;

/// <summary>Unary minus or plus.</summary>
public sealed record UnaryExpr(char Operator, Expr Operand, int Column) : Expr(Column);
