namespace Grader.Worker.Students;

/// <summary>A class-list file as read: its students (one per id), warnings, or the error that stopped it.</summary>
public sealed record RosterFile(IReadOnlyList<RosterRow> Rows, IReadOnlyList<string> Warnings, string? Error);
