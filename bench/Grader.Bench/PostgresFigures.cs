namespace Grader.Bench;

/// <summary>The PostgreSQL phase: two nodes end to end, and the server's own commit rates; <see cref="Note"/> says why it was not run.</summary>
public sealed record PostgresFigures(EndToEndResult Closed, double SingleRowCommitsPerSecond, double BatchedRowsPerSecond, string? Note);
