namespace Grader.Worker.Students;

/// <summary>One student read from a class-list file, with the line it came from.</summary>
public sealed record RosterRow(string Student, string? Name, string? Email, int Line);
