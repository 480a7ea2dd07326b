namespace Grader.Domain.Assignments;

/// <summary>A named value: fixed, or drawn at random per student.</summary>
public sealed record ValueDefinition(string Name, ValueSpec Spec, SourcePosition Where);
