namespace Grader.Domain.Grading;

/// <summary>
/// A mistake the grader recognised in a wrong answer: a stable <see cref="Id"/> (for statistics
/// and tests) and a <see cref="Description"/> that names it without quoting any of the key's
/// numbers, so it may be shown while the key is withheld.
/// </summary>
public sealed record Mistake(string Id, string Description);
