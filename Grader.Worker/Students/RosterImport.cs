namespace Grader.Worker.Students;

/// <summary>What an import did: students added, updated (name or e-mail changed) and unchanged, with the file's warnings.</summary>
public sealed record RosterImport(int Added, int Updated, int Unchanged, IReadOnlyList<string> Warnings);
