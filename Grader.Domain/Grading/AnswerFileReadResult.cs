namespace Grader.Domain.Grading;

/// <summary>An answer file, when it could be read, and the problems that stopped it.</summary>
public sealed record AnswerFileReadResult(AnswerFile? File, IReadOnlyList<Diagnostic> Diagnostics);
