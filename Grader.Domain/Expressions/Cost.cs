namespace Grader.Domain.Expressions;

/// <summary>What an operation will make and do, reserved from the evaluation budget before it runs.</summary>
public sealed record Cost(string What, double Elements, double Work);
