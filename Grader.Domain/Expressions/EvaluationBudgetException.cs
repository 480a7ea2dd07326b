namespace Grader.Domain.Expressions;

/// <summary>An evaluation went over its <see cref="EvaluationBudget"/>: too large a result, too much work, or too long.</summary>
public sealed class EvaluationBudgetException(string message) : Exception(message);
