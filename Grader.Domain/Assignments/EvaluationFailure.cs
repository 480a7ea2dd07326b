namespace Grader.Domain.Assignments;

/// <summary>An expression that could not be evaluated for a variant: where, and why.</summary>
public sealed record EvaluationFailure(string Owner, SourcePosition Position, string Message);
